package org.labtrust.registry.internal.expiry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import org.labtrust.notifications.Notice;
import org.labtrust.notifications.Notifications;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.internal.Certificate;
import org.labtrust.registry.internal.RegistryCommands;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of validity: every day (and once shortly after start-up) marks the valid and suspended
 * certificates whose validity ended before today (China time) {@link CertificateStatus#EXPIRED},
 * through {@link Certificate#changeStatus} so that the public status history records it, with the
 * same event and audit entry as an officer's change (the actor is {@link Actor#SYSTEM}); and
 * reminds each body, in its inbox and by e-mail, of its certificates whose validity ends within
 * 6 months (early reminder) and within 3 months (last reminder: the renewal must be filed by then).
 * Each reminder goes out once per certificate and validity period (a renewal that extends the
 * validity starts a new period); a certificate already within 3 months gets only the last one.
 *
 * <p>Safe with several nodes: the work is done in batches of {@code batch-size} certificates, each
 * in a transaction that first takes a PostgreSQL advisory lock, so batches of two nodes never run
 * at once. A scheduled run gives up at once when another node holds the lock
 * ({@code pg_try_advisory_xact_lock}: that node is doing the work); {@link #run(LocalDate)} waits
 * for it. Expiry re-reads the status under {@code FOR UPDATE}; a reminder is sent only if its row in
 * {@code certificate_reminder} (unique per certificate, validity end and kind) was inserted by this
 * transaction, so even without the lock nothing is sent twice.
 */
@Component
public class CertificateExpiry {

	/** Where a renewal reminder leads: the application wizard, with the renewal and the certificate filled in. */
	public static String renewalLink(String number) {
		return "/staff/applications/new?type=RENEWAL&certificate=" + number;
	}

	private static final Logger log = LoggerFactory.getLogger(CertificateExpiry.class);

	/** The advisory lock's key: "LTEXPIRY" in ASCII. */
	static final long LOCK = 0x4c54_4558_5049_5259L;

	/** The reason the status history gives, as the demo data does for certificates that expired. */
	static final String REASON = "有效期届满未申请延续";

	/** Which reminder: the first (6 months ahead by default) or the last (3 months). */
	public enum Reminder {
		EARLY, LAST
	}

	/** What a run did; {@code interrupted} when another node held the lock (a scheduled run only). */
	public record Result(int expired, int earlyReminders, int lastReminders, boolean interrupted) {
	}

	private final JdbcClient jdbc;

	private final EntityManager entities;

	private final TransactionTemplate transaction;

	private final RegistryCommands commands;

	private final Notifications notifications;

	private final ExpiryProperties properties;

	private final Clock clock;

	private final TaskScheduler scheduler;

	private final CodeTables codes = CodeTables.load();

	private final Counter expiredCount;

	private final Counter earlyCount;

	private final Counter lastCount;

	/**
	 * Scheduled runs work here, not on Spring's one scheduling thread, which the audit trail's
	 * chaining needs every 50 ms; a run still going when the next is due makes that one a no-op.
	 */
	private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "certificate-expiry");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean running = new AtomicBoolean();

	CertificateExpiry(JdbcClient jdbc, EntityManager entities, PlatformTransactionManager transactions,
			RegistryCommands commands, Notifications notifications,
			ExpiryProperties properties, Clock clock, TaskScheduler scheduler, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.entities = entities;
		this.transaction = new TransactionTemplate(transactions);
		this.commands = commands;
		this.notifications = notifications;
		this.properties = properties;
		this.clock = clock;
		this.scheduler = scheduler;
		this.expiredCount = Counter.builder("labtrust.registry.certificates.expired")
			.description("Certificates marked expired at the end of validity")
			.register(meters);
		this.earlyCount = Counter.builder("labtrust.registry.certificates.reminded").tag("reminder", "early")
			.description("Renewal reminders sent to bodies")
			.register(meters);
		this.lastCount = Counter.builder("labtrust.registry.certificates.reminded").tag("reminder", "last")
			.description("Renewal reminders sent to bodies")
			.register(meters);
	}

	/**
	 * Runs the job for the given day (China time), waiting for another node's batch if one is
	 * running; for operators and tests. Returns what this run did itself.
	 */
	public Result run(LocalDate today) {
		return Actors.callAs(Actor.SYSTEM, () -> work(today, true));
	}

	@Scheduled(cron = "${labtrust.registry.expiry.cron:0 30 1 * * *}", zone = ChinaTime.ZONE_NAME)
	void daily() {
		startScheduledRun();
	}

	@EventListener(ApplicationReadyEvent.class)
	void scheduleStartupRun() {
		if (properties.enabled()) {
			scheduler.schedule(this::startScheduledRun, clock.instant().plus(properties.startupDelay()));
		}
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	private void startScheduledRun() {
		if (properties.enabled() && running.compareAndSet(false, true)) {
			worker.execute(() -> {
				try {
					runScheduled();
				}
				finally {
					running.set(false);
				}
			});
		}
	}

	private void runScheduled() {
		try {
			LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
			Result result = Actors.callAs(Actor.SYSTEM, () -> work(today, false));
			log.info("Certificate expiry for {}: {} expired, {} early and {} last renewal reminders{}", today,
					result.expired(), result.earlyReminders(), result.lastReminders(),
					result.interrupted() ? " (another node was running the job; it does the rest)" : "");
		}
		catch (RuntimeException e) {
			log.warn("Certificate expiry failed; it runs again at the next scheduled time", e);
		}
	}

	private Result work(LocalDate today, boolean wait) {
		int expired = 0;
		boolean interrupted = false;
		while (true) {
			Integer done = transaction.execute(status -> locked(wait) ? expireBatch(today) : null);
			if (done == null) {
				interrupted = true;
				break;
			}
			expired += done;
			expiredCount.increment(done);
			if (done < properties.batchSize()) {
				break;
			}
		}
		int early = 0;
		int last = 0;
		Cursor cursor = Cursor.START;
		while (!interrupted) {
			Cursor from = cursor;
			Reminded batch = transaction.execute(status -> locked(wait) ? remindBatch(today, from) : null);
			if (batch == null) {
				interrupted = true;
				break;
			}
			early += batch.early();
			last += batch.last();
			earlyCount.increment(batch.early());
			lastCount.increment(batch.last());
			if (batch.scanned() < properties.batchSize()) {
				break;
			}
			cursor = batch.next();
		}
		try {
			notifications.deliverMail();
		}
		catch (RuntimeException e) {
			log.warn("Sending notice e-mails failed; they are tried again later", e);
		}
		return new Result(expired, early, last, interrupted);
	}

	/** The advisory lock for this transaction: waited for, or tried; false when another node holds it. */
	private boolean locked(boolean wait) {
		if (wait) {
			jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, i) -> 1).single();
			return true;
		}
		return Boolean.TRUE.equals(
				jdbc.sql("select pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single());
	}

	/** Expires up to one batch of certificates past their validity; the number expired. */
	private int expireBatch(LocalDate today) {
		List<Long> due = jdbc.sql("""
				select id from certificate
				where status in ('VALID', 'SUSPENDED') and valid_until < ?
				order by id limit ? for update""")
			.params(today, properties.batchSize())
			.query(Long.class)
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		List<Certificate> certificates = entities
			.createQuery("select c from Certificate c join fetch c.body where c.id in :ids order by c.id",
					Certificate.class)
			.setParameter("ids", due)
			.getResultList();
		for (Certificate certificate : certificates) {
			commands.applyStatusChange(certificate, CertificateStatus.EXPIRED,
					codes.authorityNameZh(certificate.getAuthorityCode()), REASON);
			LocalDate end = certificate.getValidUntil();
			notifications.notifyBody(certificate.getBody().getId(), new Notice("certificate.expired",
					"notice.certificate.expired", List.of(certificate.getNumber(), end.toString()),
					"/certificates/" + certificate.getNumber(),
					"certificate:" + certificate.getId() + ":" + end + ":expired"));
		}
		return certificates.size();
	}

	/** Where the reminder scan goes on: certificates are scanned by end of validity, then id. */
	private record Cursor(LocalDate validUntil, long id) {

		static final Cursor START = new Cursor(LocalDate.of(1, 1, 1), 0);
	}

	private record Reminded(int scanned, int early, int last, Cursor next) {
	}

	private record Live(long id, long bodyId, String number, LocalDate validUntil) {
	}

	/** Reminds bodies of one batch of live certificates whose validity ends within the early reminder's months. */
	private Reminded remindBatch(LocalDate today, Cursor cursor) {
		LocalDate earlyLimit = today.plusMonths(properties.reminderMonths().early());
		LocalDate lastLimit = today.plusMonths(properties.reminderMonths().last());
		List<Live> live = jdbc.sql("""
				select id, body_id, number, valid_until from certificate
				where status in ('VALID', 'SUSPENDED') and valid_until >= ? and valid_until <= ?
				  and (valid_until, id) > (?, ?)
				order by valid_until, id limit ?""")
			.params(today, earlyLimit, cursor.validUntil(), cursor.id(), properties.batchSize())
			.query((rs, i) -> new Live(rs.getLong("id"), rs.getLong("body_id"), rs.getString("number"),
					rs.getObject("valid_until", LocalDate.class)))
			.list();
		int early = 0;
		int last = 0;
		Instant now = clock.instant();
		for (Live certificate : live) {
			Reminder reminder = certificate.validUntil().isAfter(lastLimit) ? Reminder.EARLY : Reminder.LAST;
			boolean claimed = jdbc.sql("""
					insert into certificate_reminder (certificate_id, valid_until, kind, sent_at) values (?, ?, ?, ?)
					on conflict do nothing""")
				.params(certificate.id(), certificate.validUntil(), reminder.name(), SqlTime.utc(now))
				.update() == 1;
			if (!claimed) {
				continue;
			}
			int months = reminder == Reminder.EARLY ? properties.reminderMonths().early()
					: properties.reminderMonths().last();
			// the renewal must be filed by the last reminder: 3 months before the end of validity (BRIEF 1.5)
			LocalDate fileBy = certificate.validUntil().minusMonths(properties.reminderMonths().last());
			String key = reminder == Reminder.EARLY ? "early" : "last";
			notifications.notifyBody(certificate.bodyId(), new Notice("certificate.renewal." + key,
					"notice.certificate.renewal." + key, List.of(certificate.number(),
							certificate.validUntil().toString(), fileBy.toString(), Integer.toString(months)),
					renewalLink(certificate.number()),
					"certificate:" + certificate.id() + ":" + certificate.validUntil() + ":" + reminder.name()));
			if (reminder == Reminder.EARLY) {
				early++;
			}
			else {
				last++;
			}
		}
		Live end = live.isEmpty() ? null : live.get(live.size() - 1);
		return new Reminded(live.size(), early, last, end == null ? cursor : new Cursor(end.validUntil(), end.id()));
	}
}
