// Bulk pre-load of the report log (bench/reports/run.sh; docs/benchmarks.md, report registry).
//
//   java -cp app/target/classes:<pgjdbc.jar> bench/reports/Preload.java [--count N] [--seed S]
//        [--chunk ROWS] [--jdbc URL] [--mwm 4GB] [--no-vacuum] [--out FILE]
//
// Fills the log up to --count entries (default 100,000,000) with filings generated from --seed:
// entry i is a pure function of (seed, i) (Gen below, also used by FilingLoad), so scripts can
// regenerate any number without reading the table. It reads the demo registry's VALID
// certificates and their VALID scope lines, encodes each entry with the app's own
// LogEntry.Filing, hashes it with TreeHash and keeps the tree edge with TileEdge, so the rows and
// tiles are exactly those the platform would have written. Rows go in with binary COPY straight
// into the partition, tiles with binary COPY into log_tile; every --chunk rows one transaction
// (holding the log_head row lock, as the app's log writer does) commits rows, tiles and head, so
// the app can stay up, sees the head grow and signs checkpoints for it. The number index of p0
// and the BRIN index are dropped first and rebuilt at the end (definitions of V4__reports.sql).
// Starting again after a failure resumes from the committed head.
//
// Report numbers: "<L1><L2>-<YYYY>-<i, 10 digits>", 18 characters, where
// l = ((i + seed) * 7919) mod 676, L1 = 'A' + l / 26, L2 = 'A' + l mod 26, YYYY = 2016 + (i / 7) mod 10.
// verify.lua and pgbench's script compute the same numbers.

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.labtrust.reports.internal.log.LogEntry;
import org.labtrust.reports.internal.log.TileEdge;
import org.labtrust.reports.internal.log.TileSource;
import org.labtrust.reports.internal.log.TreeHash;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

public class Preload {

	static final byte[] COPY_HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0 };

	static final byte[] COPY_TRAILER = { (byte) 0xff, (byte) 0xff };

	/** Rows of the COPY stream, or the end of a chunk with what the transaction must store besides. */
	sealed interface Item permits Rows, ChunkEnd, Failure {
	}

	record Rows(byte[] buffer, int length) implements Item {
	}

	record ChunkEnd(long size, byte[] root, List<TileEdge.Tile> tiles) implements Item {
	}

	record Failure(Throwable error) implements Item {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> opt = options(args);
		long count = Long.parseLong(opt.getOrDefault("count", "100000000"));
		long seed = Long.parseLong(opt.getOrDefault("seed", "20261127"));
		int chunk = Integer.parseInt(opt.getOrDefault("chunk", "2000000"));
		String url = opt.getOrDefault("jdbc", "jdbc:postgresql://localhost:5490/postgres");
		String mwm = opt.getOrDefault("mwm", "4GB");
		boolean vacuum = !opt.containsKey("no-vacuum");
		String out = opt.get("out");

		try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
			Gen gen = Gen.load(db, seed, LocalDate.now(ZoneOffset.UTC));
			System.out.printf("certificates usable: %d (bodies %d), scope lines usable: %d%n", gen.certs.length,
					gen.bodies(), gen.lineCount());
			long start;
			try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select size from log_head where id = 1")) {
				r.next();
				start = r.getLong(1);
			}
			if (count > 268_435_456L) {
				throw new IllegalArgumentException("this loader writes partition p0 only (2^28 entries)");
			}
			long t0 = System.nanoTime();
			if (start < count) {
				System.out.printf("log size %,d; loading entries %,d .. %,d (seed %d, %,d per transaction)%n", start, start,
						count - 1, seed, chunk);
				exec(db, "alter table report_filing_p0 set (autovacuum_enabled = false)",
						"alter table log_tile set (autovacuum_enabled = false)",
						"drop index if exists report_filing_p0_number", "drop index if exists report_filing_entry_brin");
				TileEdge edge = start == 0 ? TileEdge.empty() : TileEdge.load(start, storedTiles(db));
				load(db, gen, edge, start, count, chunk);
			}
			else {
				System.out.printf("log size %,d already >= %,d: nothing to copy%n", start, count);
			}
			long t1 = System.nanoTime();
			db.setAutoCommit(true);
			exec(db, "set maintenance_work_mem = '" + mwm + "'");
			long t2 = System.nanoTime();
			exec(db, "create unique index if not exists report_filing_p0_number on report_filing_p0 (report_number, body_id) where kind = 1");
			long t3 = System.nanoTime();
			System.out.printf("unique index (report_number, body_id) on p0: %.1f s%n", (t3 - t2) / 1e9);
			exec(db, "create index if not exists report_filing_entry_brin on report_filing using brin (entry_index) with (pages_per_range = 16)");
			long t4 = System.nanoTime();
			System.out.printf("BRIN index: %.1f s%n", (t4 - t3) / 1e9);
			exec(db, "alter table report_filing_p0 reset (autovacuum_enabled)", "alter table log_tile reset (autovacuum_enabled)");
			if (vacuum) {
				// so that autovacuum's insert trigger does not run during the measurements
				exec(db, "vacuum (analyze) report_filing_p0", "vacuum (analyze) log_tile", "analyze report_filing");
			}
			else {
				exec(db, "analyze report_filing_p0", "analyze report_filing", "analyze log_tile");
			}
			long t5 = System.nanoTime();
			System.out.printf("%s: %.1f s%n", vacuum ? "vacuum analyze" : "analyze", (t5 - t4) / 1e9);
			System.out.printf("RESULT preload rows=%d copy_s=%.1f rows_per_s=%.0f index_s=%.1f brin_s=%.1f vacuum_s=%.1f total_s=%.1f%n",
					count - start, (t1 - t0) / 1e9, (count - start) / ((t1 - t0) / 1e9), (t3 - t2) / 1e9, (t4 - t3) / 1e9,
					(t5 - t4) / 1e9, (t5 - t0) / 1e9);
			if (out != null) {
				try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(out)))) {
					w.printf("PRELOAD_SEED=%d%nPRELOAD_FIRST=%d%nPRELOAD_COUNT=%d%n", seed, 0, count);
				}
			}
		}
	}

	static void load(Connection db, Gen gen, TileEdge edge, long start, long count, int chunk) throws Exception {
		BlockingQueue<Item> queue = new ArrayBlockingQueue<>(16);
		BlockingQueue<byte[]> pool = new ArrayBlockingQueue<>(24);
		for (int i = 0; i < 20; i++) {
			pool.add(new byte[1 << 20]);
		}
		Thread producer = new Thread(() -> {
			try {
				produce(gen, edge, start, count, chunk, queue, pool);
			}
			catch (Throwable e) {
				queue.offer(new Failure(e));
			}
		}, "generate");
		producer.setDaemon(true);
		producer.start();

		db.setAutoCommit(false);
		CopyManagerHolder copy = new CopyManagerHolder(db);
		long t0 = System.nanoTime();
		long last = t0;
		long done = start;
		while (done < count) {
			long expected = done;
			try (Statement s = db.createStatement();
					ResultSet r = s.executeQuery("select size from log_head where id = 1 for update")) {
				r.next();
				if (r.getLong(1) != expected) {
					throw new IllegalStateException("log head moved to " + r.getLong(1) + " while loading (expected "
							+ expected + "): someone else appended; stop the load");
				}
			}
			CopyIn in = copy.api.copyIn("copy report_filing_p0 (entry_index, body_id, refers_to, kind, report_number, entry) from stdin (format binary)");
			in.writeToCopy(COPY_HEADER, 0, COPY_HEADER.length);
			ChunkEnd end;
			while (true) {
				Item item = queue.take();
				if (item instanceof Rows rows) {
					in.writeToCopy(rows.buffer, 0, rows.length);
					pool.put(rows.buffer);
				}
				else if (item instanceof ChunkEnd e) {
					end = e;
					break;
				}
				else {
					in.cancelCopy();
					throw new IllegalStateException("generator failed", ((Failure) item).error);
				}
			}
			in.writeToCopy(COPY_TRAILER, 0, 2);
			in.endCopy();
			storeTiles(db, copy, end.tiles);
			try (PreparedStatement u = db.prepareStatement("update log_head set size = ?, root = ?, updated_at = now() where id = 1")) {
				u.setLong(1, end.size);
				u.setBytes(2, end.root);
				u.executeUpdate();
			}
			db.commit();
			done = end.size;
			long now = System.nanoTime();
			double rate = (done - start) / ((now - t0) / 1e9);
			System.out.printf("%,13d entries  %7.0f /s (last chunk %7.0f /s)  %6.0f s  eta %5.0f s%n", done, rate,
					(done - expected) / ((now - last) / 1e9), (now - t0) / 1e9, (count - done) / rate);
			last = now;
		}
		db.setAutoCommit(true);
	}

	static final class CopyManagerHolder {
		final org.postgresql.copy.CopyManager api;

		CopyManagerHolder(Connection db) throws SQLException {
			api = db.unwrap(PGConnection.class).getCopyAPI();
		}
	}

	/** Full tiles are new; partial ones may exist from the previous chunk: delete, then COPY all. */
	static void storeTiles(Connection db, CopyManagerHolder copy, List<TileEdge.Tile> tiles) throws SQLException {
		Short[] levels = new Short[tiles.size()];
		Long[] indexes = new Long[tiles.size()];
		Buf b = new Buf(tiles.size() * (8300) + 64);
		b.bytes(COPY_HEADER);
		for (int i = 0; i < tiles.size(); i++) {
			TileEdge.Tile t = tiles.get(i);
			levels[i] = (short) t.level();
			indexes[i] = t.index();
			b.short16(4);
			b.int32(2);
			b.short16(t.level());
			b.int32(8);
			b.int64(t.index());
			b.int32(2);
			b.short16(t.width());
			b.int32(t.data().length);
			b.bytes(t.data());
		}
		b.bytes(COPY_TRAILER);
		try (PreparedStatement d = db.prepareStatement(
				"delete from log_tile t using unnest(?::smallint[], ?::bigint[]) k(l, i) where t.level = k.l and t.idx = k.i and t.width < 256")) {
			d.setArray(1, db.createArrayOf("smallint", levels));
			d.setArray(2, db.createArrayOf("bigint", indexes));
			d.executeUpdate();
		}
		CopyIn in = copy.api.copyIn("copy log_tile (level, idx, width, data) from stdin (format binary)");
		in.writeToCopy(b.data, 0, b.pos);
		in.endCopy();
	}

	static void produce(Gen gen, TileEdge edge, long start, long count, int chunk, BlockingQueue<Item> queue,
			BlockingQueue<byte[]> pool) throws InterruptedException {
		TreeHash hash = new TreeHash();
		Buf b = new Buf(pool.take());
		Gen.Entry e = new Gen.Entry();
		for (long i = start; i < count; i++) {
			gen.entry(i, e);
			byte[] entry = e.filing().encode();
			edge.append(hash.leaf(entry));
			byte[] number = e.number;
			if (b.data.length - b.pos < 80 + number.length + entry.length) {
				queue.put(new Rows(b.data, b.pos));
				b = new Buf(pool.take());
			}
			b.short16(6);
			b.int32(8);
			b.int64(i);
			b.int32(8);
			b.int64(e.cert.bodyId);
			b.int32(-1);
			b.int32(2);
			b.short16(LogEntry.KIND_FILING);
			b.int32(number.length);
			b.bytes(number);
			b.int32(entry.length);
			b.bytes(entry);
			if ((i + 1) % chunk == 0 || i + 1 == count) {
				queue.put(new Rows(b.data, b.pos));
				b = new Buf(pool.take());
				queue.put(new ChunkEnd(edge.size(), edge.root(), edge.changedTiles()));
			}
		}
	}

	static TileSource storedTiles(Connection db) {
		return (level, index, width) -> {
			try (PreparedStatement s = db.prepareStatement("select data from log_tile where level = ? and idx = ?")) {
				s.setInt(1, level);
				s.setLong(2, index);
				try (ResultSet r = s.executeQuery()) {
					if (!r.next()) {
						throw new IllegalStateException("tile " + level + "/" + index + " missing");
					}
					return r.getBytes(1);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	static void exec(Connection db, String... sql) throws SQLException {
		try (Statement s = db.createStatement()) {
			for (String q : sql) {
				s.execute(q);
			}
		}
		if (!db.getAutoCommit()) {
			db.commit();
		}
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> m = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i].replaceFirst("^--", "");
			if (a.contains("=")) {
				m.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				m.put(a, args[++i]);
			}
			else {
				m.put(a, "true");
			}
		}
		return m;
	}

	/** Big-endian writer over a byte array. */
	static final class Buf {
		final byte[] data;

		int pos;

		Buf(int size) {
			this(new byte[size]);
		}

		Buf(byte[] data) {
			this.data = data;
		}

		void short16(int v) {
			data[pos++] = (byte) (v >>> 8);
			data[pos++] = (byte) v;
		}

		void int32(int v) {
			data[pos++] = (byte) (v >>> 24);
			data[pos++] = (byte) (v >>> 16);
			data[pos++] = (byte) (v >>> 8);
			data[pos++] = (byte) v;
		}

		void int64(long v) {
			int32((int) (v >>> 32));
			int32((int) v);
		}

		void bytes(byte[] v) {
			System.arraycopy(v, 0, data, pos, v.length);
			pos += v.length;
		}
	}
}

/**
 * Filing i as a pure function of (seed, i): certificate, issue date within its validity (and after
 * its last status change, so the platform's checks would accept it), 1 to 3 of its valid scope
 * lines, digest, acceptance time and report number. Shared by Preload and FilingLoad.
 */
final class Gen {

	static final class Cert {
		long id;
		long bodyId;
		String number;
		long firstDay; // epoch days, inclusive
		long days; // number of usable days
		int[] lines; // valid scope lines, first of each (parameter, method), ascending
		String[] parameters;
		String[] methods;
	}

	/** Reused per call (no allocation but the filing itself). */
	static final class Entry {
		Cert cert;
		long issuedDay;
		int[] lineIdx = new int[3];
		int lineCount;
		byte[] digest;
		long acceptedAtMillis;
		byte[] number;
		String numberText;
		int[] scope;

		LogEntry.Filing filing() {
			return new LogEntry.Filing(Instant.ofEpochMilli(acceptedAtMillis), cert.number, numberText,
					LocalDate.ofEpochDay(issuedDay), digest, scope, -1);
		}
	}

	final Cert[] certs;

	final long seed;

	final long nowMillis;

	Gen(Cert[] certs, long seed, long nowMillis) {
		this.certs = certs;
		this.seed = seed;
		this.nowMillis = nowMillis;
	}

	int bodies() {
		Set<Long> b = new HashSet<>();
		for (Cert c : certs) {
			b.add(c.bodyId);
		}
		return b.size();
	}

	long lineCount() {
		long n = 0;
		for (Cert c : certs) {
			n += c.lines.length;
		}
		return n;
	}

	/**
	 * VALID certificates with at least one usable day in [issued_on, valid_until], after the last
	 * status change (+2 days: the platform checks the status in force when the day began, in its zone),
	 * before today and within the platform's 3,650-day report age (less a margin).
	 */
	static Gen load(Connection db, long seed, LocalDate today) throws SQLException {
		long lastDay = today.toEpochDay() - 1;
		long oldest = today.toEpochDay() - 3600;
		Map<Long, Cert> byId = new LinkedHashMap<>();
		try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("""
				select c.id, c.body_id, c.number, c.issued_on, c.valid_until,
				       (select max(changed_at) from certificate_status_change h where h.certificate_id = c.id)::date
				from certificate c where c.status = 'VALID' order by c.number""")) {
			while (r.next()) {
				long first = Math.max(r.getDate(4).toLocalDate().toEpochDay(), oldest);
				if (r.getDate(6) != null) {
					first = Math.max(first, r.getDate(6).toLocalDate().toEpochDay() + 2);
				}
				long end = Math.min(r.getDate(5).toLocalDate().toEpochDay(), lastDay);
				if (end < first) {
					continue;
				}
				Cert c = new Cert();
				c.id = r.getLong(1);
				c.bodyId = r.getLong(2);
				c.number = r.getString(3).strip();
				c.firstDay = first;
				c.days = end - first + 1;
				byId.put(c.id, c);
			}
		}
		Map<Long, List<Object[]>> lines = new HashMap<>();
		try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("""
				select certificate_id, line_no, parameter_name, method_code from scope_row
				where status = 'VALID' order by certificate_id, line_no""")) {
			Map<Long, Set<String>> seen = new HashMap<>();
			while (r.next()) {
				long cert = r.getLong(1);
				if (!byId.containsKey(cert)) {
					continue;
				}
				String key = r.getString(3) + "\u0000" + r.getString(4);
				if (seen.computeIfAbsent(cert, k -> new HashSet<>()).add(key)) {
					lines.computeIfAbsent(cert, k -> new ArrayList<>()).add(new Object[] { r.getInt(2), r.getString(3), r.getString(4) });
				}
			}
		}
		List<Cert> usable = new ArrayList<>();
		for (Cert c : byId.values()) {
			List<Object[]> l = lines.get(c.id);
			if (l == null || l.isEmpty()) {
				continue;
			}
			c.lines = new int[l.size()];
			c.parameters = new String[l.size()];
			c.methods = new String[l.size()];
			for (int i = 0; i < l.size(); i++) {
				c.lines[i] = (Integer) l.get(i)[0];
				c.parameters[i] = (String) l.get(i)[1];
				c.methods[i] = (String) l.get(i)[2];
			}
			usable.add(c);
		}
		return new Gen(usable.toArray(new Cert[0]), seed, System.currentTimeMillis());
	}

	static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	/** The report number of entry i: see Preload's header. */
	static String number(long i, long seed) {
		int l = (int) Math.floorMod((i + seed) * 7919L, 676L);
		int year = 2016 + (int) ((i / 7) % 10);
		char[] c = new char[18];
		c[0] = (char) ('A' + l / 26);
		c[1] = (char) ('A' + l % 26);
		c[2] = '-';
		for (int k = 6; k >= 3; k--) {
			c[k] = (char) ('0' + year % 10);
			year /= 10;
		}
		c[7] = '-';
		long v = i;
		for (int k = 17; k >= 8; k--) {
			c[k] = (char) ('0' + v % 10);
			v /= 10;
		}
		return new String(c);
	}

	void entry(long i, Entry e) {
		long h = mix(seed * 0x9E3779B97F4A7C15L + i);
		e.cert = certs[(int) Math.floorMod(h, (long) certs.length)];
		long h2 = mix(h);
		e.issuedDay = e.cert.firstDay + Math.floorMod(h2, e.cert.days);
		long h3 = mix(h2);
		int n = e.cert.lines.length;
		int want = 1 + (int) Math.floorMod(h3, 3L);
		if (want > n) {
			want = n;
		}
		// pick `want` distinct line positions, then sort ascending
		long hh = h3;
		int got = 0;
		while (got < want) {
			hh = mix(hh);
			int p = (int) Math.floorMod(hh, (long) n);
			boolean dup = false;
			for (int k = 0; k < got; k++) {
				dup |= e.lineIdx[k] == p;
			}
			if (!dup) {
				e.lineIdx[got++] = p;
			}
		}
		java.util.Arrays.sort(e.lineIdx, 0, got);
		e.lineCount = got;
		int[] scope = new int[got];
		for (int k = 0; k < got; k++) {
			scope[k] = e.cert.lines[e.lineIdx[k]];
		}
		e.scope = scope;
		byte[] d = new byte[32];
		long x = mix(hh ^ 0x5DEECE66DL);
		for (int k = 0; k < 32; k += 8) {
			x = mix(x + k);
			for (int j = 0; j < 8; j++) {
				d[k + j] = (byte) (x >>> (8 * j));
			}
		}
		e.digest = d;
		// accepted within the day after issue (a body files as it issues), never in the future
		long accepted = (e.issuedDay + 1) * 86_400_000L + Math.floorMod(x, 86_400_000L);
		e.acceptedAtMillis = Math.min(accepted, nowMillis);
		e.numberText = number(i, seed);
		e.number = e.numberText.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}
}
