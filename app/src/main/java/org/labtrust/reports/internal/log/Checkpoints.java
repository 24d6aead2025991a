package org.labtrust.reports.internal.log;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.labtrust.shared.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signs checkpoints and answers the latest one. Every node runs the publisher: whichever first
 * sees the head grow signs it, and the primary key on the size makes a second signature of the
 * same size a no-op. All nodes sign the same tree with the same key, so their notes agree.
 */
public class Checkpoints implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

	/** A signed checkpoint. */
	public record Checkpoint(long size, byte[] root, String note, Instant publishedAt) {
	}

	private final JdbcClient jdbc;

	private final LogSigner signer;

	private final Clock clock;

	private final long intervalMillis;

	private volatile Checkpoint latest;

	private volatile long latestReadAt;

	private ScheduledExecutorService scheduler;

	public Checkpoints(JdbcClient jdbc, LogSigner signer, Clock clock, long intervalMillis) {
		this.jdbc = jdbc;
		this.signer = signer;
		this.clock = clock;
		this.intervalMillis = intervalMillis;
	}

	/** The latest checkpoint, at most a tenth of a second old. */
	public Checkpoint latest() {
		Checkpoint known = latest;
		if (known == null || System.nanoTime() - latestReadAt > 100_000_000L) {
			known = jdbc.sql("select size, root, note, published_at from log_checkpoint order by size desc limit 1")
				.query((row, n) -> new Checkpoint(row.getLong(1), row.getBytes(2), row.getString(3),
						SqlTime.instant(row, "published_at")))
				.optional()
				.orElseGet(this::publishEmpty);
			latest = known;
			latestReadAt = System.nanoTime();
		}
		return known;
	}

	/** The checkpoint of exactly this size, if one was published. */
	public java.util.Optional<Checkpoint> ofSize(long size) {
		return jdbc.sql("select size, root, note, published_at from log_checkpoint where size = ?")
			.param(size)
			.query((row, n) -> new Checkpoint(row.getLong(1), row.getBytes(2), row.getString(3), SqlTime.instant(row, "published_at")))
			.optional();
	}

	/** Signs the head if it grew past the latest checkpoint; returns the size now covered. */
	public long publish() {
		record Head(long size, byte[] root) {
		}
		Head head = jdbc.sql("select size, root from log_head where id = 1")
			.query((row, n) -> new Head(row.getLong(1), row.getBytes(2)))
			.single();
		Checkpoint known = latest;
		if (known != null && known.size() >= head.size()) {
			return known.size();
		}
		Checkpoint signed = sign(head.size(), head.root());
		if (known == null || signed.size() > known.size()) {
			latest = signed;
			latestReadAt = System.nanoTime();
		}
		return signed.size();
	}

	private Checkpoint publishEmpty() {
		Checkpoint empty = sign(0, new TreeHash().empty());
		return empty;
	}

	private Checkpoint sign(long size, byte[] root) {
		String note = signer.signNote(LogSigner.checkpointText(signer.name(), size, root));
		Instant now = clock.instant();
		jdbc.sql("""
				insert into log_checkpoint (size, root, note, published_at) values (?, ?, ?, ?)
				on conflict (size) do nothing""")
			.params(size, root, note, SqlTime.utc(now))
			.update();
		log.debug("Checkpoint {} {}", size, Base64.getEncoder().encodeToString(root));
		return ofSize(size).orElseThrow();
	}

	@Override
	public void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "log-checkpoints");
			thread.setDaemon(true);
			return thread;
		});
		scheduler.scheduleWithFixedDelay(() -> {
			try {
				publish();
			}
			catch (RuntimeException e) {
				log.warn("Could not publish a checkpoint: {}", e.toString());
			}
		}, 0, intervalMillis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		if (scheduler != null) {
			scheduler.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}
}
