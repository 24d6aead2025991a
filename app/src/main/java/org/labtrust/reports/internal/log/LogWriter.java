package org.labtrust.reports.internal.log;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.labtrust.shared.SqlTime;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one writer of the log on this node. Requests queue their items; the writer takes what has
 * queued (group commit) and, in one transaction holding the {@code log_head} row lock (so that
 * nodes take turns), checks numbers against what is stored, gives each accepted item the next
 * entry index, COPYs the rows, stores the tiles that changed and moves the head. An item is
 * answered only after that transaction commits: an {@code ACCEPTED} answer is never lost, and a
 * failed transaction leaves no gap in the indexes.
 */
@Component
public class LogWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LogWriter.class);

	/** Items taken into one transaction at most (a request is never split). */
	private static final int ROUND_ITEMS = 20_000;

	private static final byte[] COPY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0 };

	private record Request(List<LogItem> items, CompletableFuture<List<LogItem.Outcome>> answer) {
	}

	/** A filing already in the log, or appended earlier in this round. */
	private record Stored(long index, LogEntry.Filing entry) {
	}

	/** The entry that revoked (with its reason) or replaced (reason null) a filing. */
	private record Change(long index, RevocationReason reason) {
	}

	private record Row(long index, long bodyId, Long refersTo, int kind, String reportNumber, byte[] entry) {
	}

	private final DataSource dataSource;

	private final Clock clock;

	private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();

	private final TreeHash hash = new TreeHash();

	private final Timer roundTimer;

	private final MeterRegistry meters;

	private TileEdge edge; // null until loaded, and after a failed round

	private volatile Thread thread;

	private volatile boolean running;

	LogWriter(DataSource dataSource, Clock clock, MeterRegistry meters) {
		this.dataSource = dataSource;
		this.clock = clock;
		this.meters = meters;
		this.roundTimer = Timer.builder("labtrust.log.append").description("One log append transaction")
			.publishPercentiles(0.5, 0.99).register(meters);
	}

	/** Queues the items; the answer, one outcome per item in order, completes after commit. */
	public CompletableFuture<List<LogItem.Outcome>> submit(List<LogItem> items) {
		CompletableFuture<List<LogItem.Outcome>> answer = new CompletableFuture<>();
		if (!running) {
			answer.completeExceptionally(new IllegalStateException("the log writer is stopped"));
			return answer;
		}
		queue.add(new Request(List.copyOf(items), answer));
		return answer;
	}

	/**
	 * Takes back a request the writer has not begun: true when it is withdrawn (it will never be
	 * recorded), false when the writer has it already (it will be recorded or fail as a whole).
	 */
	public boolean withdraw(CompletableFuture<List<LogItem.Outcome>> answer) {
		boolean withdrawn = queue.removeIf(request -> request.answer == answer);
		if (withdrawn) {
			answer.completeExceptionally(new IllegalStateException("withdrawn"));
		}
		return withdrawn;
	}

	@Override
	public void start() {
		running = true;
		thread = new Thread(this::loop, "log-writer");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread writer = thread;
		if (writer != null) {
			writer.interrupt();
			try {
				writer.join(10_000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		Request left;
		while ((left = queue.poll()) != null) {
			left.answer.completeExceptionally(new IllegalStateException("the log writer stopped"));
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the web server, so that requests in flight are answered. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 4096;
	}

	private void loop() {
		List<Request> round = new ArrayList<>();
		while (running) {
			try {
				Request first = queue.poll(1, TimeUnit.SECONDS);
				if (first == null) {
					continue;
				}
				round.add(first);
				int items = first.items.size();
				Request next;
				while (items < ROUND_ITEMS && (next = queue.peek()) != null && items + next.items.size() <= ROUND_ITEMS) {
					round.add(queue.poll());
					items += next.items.size();
				}
				Timer.Sample sample = Timer.start();
				append(round);
				sample.stop(roundTimer);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException e) {
				log.error("Log append failed; {} requests answered with an error", round.size(), e);
				for (Request request : round) {
					request.answer.completeExceptionally(e);
				}
			}
			finally {
				round.clear();
			}
		}
	}

	/** The commit failed on the way: whether the round is recorded is not known. */
	public static final class CommitUnknown extends RuntimeException {

		CommitUnknown(SQLException cause) {
			super("commit outcome unknown", cause);
		}
	}

	private void append(List<Request> round) {
		List<List<LogItem.Outcome>> answers;
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				answers = appendIn(connection, round);
				long start = System.nanoTime();
				try {
					connection.commit();
				}
				catch (SQLException e) {
					edge = null;
					throw new CommitUnknown(e); // the server may have committed before the connection failed
				}
				phase("commit", start);
			}
			catch (SQLException | IOException | RuntimeException e) {
				edge = null; // the tiles in memory may be ahead of the database now
				connection.rollback();
				throw e;
			}
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("log append failed", e);
		}
		for (int i = 0; i < round.size(); i++) {
			round.get(i).answer.complete(answers.get(i));
		}
	}

	private List<List<LogItem.Outcome>> appendIn(Connection connection, List<Request> round)
			throws SQLException, IOException {
		long size = lockHead(connection);
		if (edge == null || edge.size() != size) {
			edge = TileEdge.load(size, (level, index, width) -> storedTile(connection, level, index));
		}
		long start = System.nanoTime();
		Map<String, Stored> filings = storedFilings(connection, round, size);
		Map<Long, Change> changedBy = statusChanges(connection, filings);
		start = phase("lookup", start);
		Instant now = clock.instant();
		List<Row> rows = new ArrayList<>();
		List<List<LogItem.Outcome>> answers = new ArrayList<>(round.size());
		for (Request request : round) {
			List<LogItem.Outcome> outcomes = new ArrayList<>(request.items.size());
			for (LogItem item : request.items) {
				try {
					outcomes.add(item instanceof LogItem.File file ? file(file, now, filings, changedBy, rows)
							: revoke((LogItem.Revoke) item, now, filings, changedBy, rows));
				}
				catch (IllegalArgumentException e) {
					// An item the checks should have refused must not fail the other requests of the round.
					log.warn("Log item refused by the encoder: {}", e.getMessage());
					outcomes.add(LogItem.Outcome.rejected("FILING_INVALID"));
				}
			}
			answers.add(outcomes);
		}
		if (!rows.isEmpty()) {
			start = phase("entries", start);
			copy(connection, rows);
			start = phase("copy", start);
			storeTiles(connection, edge.changedTiles());
			try (PreparedStatement update = connection
				.prepareStatement("update log_head set size = ?, root = ?, updated_at = ? where id = 1")) {
				update.setLong(1, edge.size());
				update.setBytes(2, edge.root());
				update.setObject(3, SqlTime.utc(now));
				update.executeUpdate();
			}
			phase("tiles", start);
		}
		return answers;
	}

	/** Time spent in one step of an append (lookup, entries, copy, tiles, commit), for operators. */
	private long phase(String name, long start) {
		long now = System.nanoTime();
		meters.timer("labtrust.log.append.phase", "phase", name).record(now - start, TimeUnit.NANOSECONDS);
		return now;
	}

	private LogItem.Outcome file(LogItem.File item, Instant now, Map<String, Stored> filings, Map<Long, Change> changedBy,
			List<Row> rows) {
		long replaces = -1;
		if (item.replaces() != null) {
			Stored old = filings.get(key(item.replaces(), item.bodyId()));
			if (old == null) {
				return LogItem.Outcome.rejected("REPLACED_REPORT_NOT_FOUND");
			}
			replaces = old.index;
		}
		LogEntry.Filing entry = new LogEntry.Filing(now, item.certificateNumber(), item.reportNumber(), item.issuedOn(),
				item.digest(), item.scopeLines(), replaces);
		String key = key(item.reportNumber(), item.bodyId());
		Stored existing = filings.get(key);
		if (existing != null) {
			return existing.entry.sameReportAs(entry) ? LogItem.Outcome.duplicate(existing.index)
					: LogItem.Outcome.rejected("REPORT_NUMBER_TAKEN");
		}
		if (replaces >= 0 && changedBy.containsKey(replaces)) {
			return LogItem.Outcome.rejected(changedBy.get(replaces).reason == null ? "REPORT_ALREADY_REPLACED"
					: "REPORT_ALREADY_REVOKED");
		}
		long index = append(entry, item.bodyId(), replaces >= 0 ? replaces : null, rows);
		filings.put(key, new Stored(index, entry));
		if (replaces >= 0) {
			changedBy.put(replaces, new Change(index, null));
		}
		return LogItem.Outcome.accepted(index);
	}

	private LogItem.Outcome revoke(LogItem.Revoke item, Instant now, Map<String, Stored> filings,
			Map<Long, Change> changedBy, List<Row> rows) {
		Stored target = filings.get(key(item.reportNumber(), item.bodyId()));
		if (target == null) {
			return LogItem.Outcome.rejected("REPORT_NOT_FOUND");
		}
		Change earlier = changedBy.get(target.index);
		if (earlier != null) {
			if (earlier.reason == null) {
				return LogItem.Outcome.rejected("REPORT_ALREADY_REPLACED");
			}
			return earlier.reason == item.reason() ? LogItem.Outcome.duplicate(earlier.index)
					: LogItem.Outcome.rejected("REPORT_ALREADY_REVOKED");
		}
		LogEntry.Revocation entry = new LogEntry.Revocation(now, target.entry.certificateNumber(), item.reportNumber(),
				target.index, item.reason());
		long index = append(entry, item.bodyId(), target.index, rows);
		changedBy.put(target.index, new Change(index, item.reason()));
		return LogItem.Outcome.accepted(index);
	}

	private long append(LogEntry entry, long bodyId, Long refersTo, List<Row> rows) {
		byte[] bytes = entry.encode();
		long index = edge.size();
		edge.append(hash.leaf(bytes));
		rows.add(new Row(index, bodyId, refersTo, entry.kind(), entry.reportNumber(), bytes));
		return index;
	}

	private static String key(String reportNumber, long bodyId) {
		return bodyId + "\u0000" + reportNumber;
	}

	private static long lockHead(Connection connection) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement("select size from log_head where id = 1 for update");
				ResultSet result = select.executeQuery()) {
			result.next();
			return result.getLong(1);
		}
	}

	private static byte[] storedTile(Connection connection, int level, long index) {
		try (PreparedStatement select = connection.prepareStatement("select data from log_tile where level = ? and idx = ?")) {
			select.setInt(1, level);
			select.setLong(2, index);
			try (ResultSet result = select.executeQuery()) {
				if (!result.next()) {
					throw new IllegalStateException("stored tile " + level + "/" + index + " missing");
				}
				return result.getBytes(1);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The filings the round names (by number, or as replaced or revoked), keyed by body and number. */
	private static Map<String, Stored> storedFilings(Connection connection, List<Request> round, long size)
			throws SQLException {
		record Key(String number, long body) {
		}
		// In index order, so that the probes walk the index instead of jumping about it.
		SortedSet<Key> keys = new TreeSet<>(Comparator.comparing(Key::number).thenComparingLong(Key::body));
		for (Request request : round) {
			for (LogItem item : request.items) {
				keys.add(new Key(item.reportNumber(), item.bodyId()));
				if (item instanceof LogItem.File file && file.replaces() != null) {
					keys.add(new Key(file.replaces(), file.bodyId()));
				}
			}
		}
		Object[] numbers = keys.stream().map(Key::number).toArray();
		Object[] bodies = keys.stream().map(Key::body).toArray();
		Map<String, Stored> found = new HashMap<>();
		try (PreparedStatement select = connection.prepareStatement("""
				select f.report_number, f.body_id, f.entry_index, f.entry
				from unnest(?::text[], ?::bigint[]) as k(report_number, body_id)
				join report_filing f on f.report_number = k.report_number and f.body_id = k.body_id and f.kind = 1
				                     and f.entry_index < ?
				""")) {
			Array numberArray = connection.createArrayOf("text", numbers);
			Array bodyArray = connection.createArrayOf("bigint", bodies);
			select.setArray(1, numberArray);
			select.setArray(2, bodyArray);
			select.setLong(3, size); // prunes the partitions the log has not reached yet
			try (ResultSet result = select.executeQuery()) {
				while (result.next()) {
					found.put(key(result.getString(1), result.getLong(2)),
							new Stored(result.getLong(3), (LogEntry.Filing) LogEntry.decode(result.getBytes(4))));
				}
			}
		}
		return found;
	}

	/** For the stored filings, the entry that revoked or replaced each, if any. */
	private static Map<Long, Change> statusChanges(Connection connection, Map<String, Stored> filings)
			throws SQLException {
		Map<Long, Change> changedBy = new HashMap<>();
		if (filings.isEmpty()) {
			return changedBy;
		}
		try (PreparedStatement select = connection
			.prepareStatement("select refers_to, entry_index, entry from report_filing where refers_to = any(?)")) {
			select.setArray(1, connection.createArrayOf("bigint", filings.values().stream().map(Stored::index).toArray()));
			try (ResultSet result = select.executeQuery()) {
				while (result.next()) {
					LogEntry entry = LogEntry.decode(result.getBytes(3));
					changedBy.put(result.getLong(1), new Change(result.getLong(2),
							entry instanceof LogEntry.Revocation revocation ? revocation.reason() : null));
				}
			}
		}
		return changedBy;
	}

	/** Binary COPY: the fastest way PostgreSQL takes rows (the JDBC driver has no binary writer). */
	private static void copy(Connection connection, List<Row> rows) throws SQLException, IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(rows.size() * 140 + 32);
		out.writeBytes(COPY_HEADER);
		for (Row row : rows) {
			BigEndian.writeShort(out, 6);
			BigEndian.writeInt(out, 8);
			BigEndian.writeLong(out, row.index);
			BigEndian.writeInt(out, 8);
			BigEndian.writeLong(out, row.bodyId);
			if (row.refersTo == null) {
				BigEndian.writeInt(out, -1);
			}
			else {
				BigEndian.writeInt(out, 8);
				BigEndian.writeLong(out, row.refersTo);
			}
			BigEndian.writeInt(out, 2);
			BigEndian.writeShort(out, row.kind);
			byte[] number = row.reportNumber.getBytes(StandardCharsets.UTF_8);
			BigEndian.writeInt(out, number.length);
			out.writeBytes(number);
			BigEndian.writeInt(out, row.entry.length);
			out.writeBytes(row.entry);
		}
		BigEndian.writeShort(out, -1);
		byte[] data = out.toByteArray();
		connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy report_filing (entry_index, body_id, refers_to, kind, report_number, entry) from stdin (format binary)",
					new java.io.ByteArrayInputStream(data));
	}

	private static void storeTiles(Connection connection, List<TileEdge.Tile> tiles) throws SQLException {
		try (PreparedStatement upsert = connection.prepareStatement("""
				insert into log_tile (level, idx, width, data) values (?, ?, ?, ?)
				on conflict (level, idx) do update set width = excluded.width, data = excluded.data
				where log_tile.width < excluded.width
				""")) {
			for (TileEdge.Tile tile : tiles) {
				upsert.setInt(1, tile.level());
				upsert.setLong(2, tile.index());
				upsert.setInt(3, tile.width());
				upsert.setBytes(4, tile.data());
				upsert.addBatch();
			}
			upsert.executeBatch();
		}
	}
}
