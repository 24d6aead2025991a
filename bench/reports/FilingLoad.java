// Filing throughput (bench/reports/run.sh). Two modes, same filings:
//
//   java -cp app/target/classes:<pgjdbc.jar> bench/reports/FilingLoad.java http [options]
//   java -cp app/target/classes:<pgjdbc.jar> bench/reports/FilingLoad.java copy [options]
//
// http: POST /api/v1/reports/filings with pre-built JSON bodies of --batch filings (default
//   10,000) each, round-robin over --bodies bodies (default 8) with their API keys from
//   demo-credentials.json, --concurrency requests in flight (default 3); --warmup seconds
//   (default 30) unmeasured, then --duration seconds (default 90) measured. Meanwhile a poller
//   fetches /log/checkpoint every 50 ms; for every answered batch the checkpoint delay is the time
//   from the answer to the first poll whose checkpoint covers the batch's last entry.
// copy: the baseline. The same filings (Gen, same certificates, numbers and sizes), encoded with
//   LogEntry.Filing with entry indexes following the log head, binary-COPYed in --batch rows per
//   COPY into report_filing on one connection (the log writer's shape) inside one transaction,
//   which is then rolled back (so the log stays consistent; run VACUUM afterwards). Rows per second
//   over the COPY statements, the rows pre-built before the clock starts.
//
// Numbers: Gen.number(j) for j = --start + k (default start 2,000,000,000 + log head size, so new
// numbers never collide with the pre-load or an earlier run). Prints RESULT lines.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.labtrust.reports.internal.log.LogEntry;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

public class FilingLoad {

	record Batch(int body, String key, byte[] json, int items) {
	}

	record Answered(long sentNanos, long answeredNanos, int status, int accepted, int duplicate, int rejected,
			long lastIndex, String firstProblem, boolean measured) {
	}

	record Poll(long nanos, long size) {
	}

	public static void main(String[] args) throws Exception {
		String mode = args.length > 0 ? args[0] : "http";
		Map<String, String> opt = Preload.options(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
		String jdbc = opt.getOrDefault("jdbc", "jdbc:postgresql://localhost:5490/postgres");
		long seed = Long.parseLong(opt.getOrDefault("seed", "20261127"));
		int batchSize = Integer.parseInt(opt.getOrDefault("batch", "10000"));
		int bodies = Integer.parseInt(opt.getOrDefault("bodies", "8"));
		int batches = Integer.parseInt(opt.getOrDefault("batches", "300"));
		Gen gen;
		long head;
		try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
			gen = Gen.load(db, seed, LocalDate.now(ZoneOffset.UTC));
			try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select size from log_head where id = 1")) {
				r.next();
				head = r.getLong(1);
			}
		}
		long start = Long.parseLong(opt.getOrDefault("start", String.valueOf(2_000_000_000L + head)));
		// the bodies: those with the most usable certificates (a body files under its own only)
		Map<Long, List<Gen.Cert>> byBody = new LinkedHashMap<>();
		for (Gen.Cert c : gen.certs) {
			byBody.computeIfAbsent(c.bodyId, k -> new ArrayList<>()).add(c);
		}
		List<Long> chosen = byBody.keySet().stream()
			.sorted((a, b) -> byBody.get(b).size() != byBody.get(a).size() ? byBody.get(b).size() - byBody.get(a).size() : Long.compare(a, b))
			.limit(bodies)
			.toList();
		System.out.printf("mode %s, bodies %s, numbers from %d, %d batches of %d%n", mode, chosen, start, batches, batchSize);
		if (mode.equals("copy")) {
			copy(jdbc, gen, byBody, chosen, start, batches, batchSize);
		}
		else {
			http(opt, gen, byBody, chosen, start, batches, batchSize);
		}
	}

	/** The k-th filing of the run (body round-robin by batch); the certificate from that body's own. */
	static void entry(Gen gen, Map<Long, List<Gen.Cert>> byBody, List<Long> chosen, long start, int batchSize, int batch,
			int item, Gen.Entry e) {
		long j = start + (long) batch * batchSize + item;
		gen.entry(j, e);
		List<Gen.Cert> own = byBody.get(chosen.get(batch % chosen.size()));
		e.cert = own.get((int) Math.floorMod(Gen.mix(j ^ 0x2545F4914F6CDD1DL), (long) own.size()));
		// the certificate changed: redo date and scope for it (same rules as Gen.entry)
		long h = Gen.mix(j * 31 + 7);
		e.issuedDay = e.cert.firstDay + Math.floorMod(h, e.cert.days);
		int n = e.cert.lines.length;
		int want = Math.min(n, 1 + (int) Math.floorMod(Gen.mix(h), 3L));
		int got = 0;
		long hh = h;
		while (got < want) {
			hh = Gen.mix(hh);
			int p = (int) Math.floorMod(hh, (long) n);
			boolean dup = false;
			for (int k = 0; k < got; k++) {
				dup |= e.lineIdx[k] == p;
			}
			if (!dup) {
				e.lineIdx[got++] = p;
			}
		}
		Arrays.sort(e.lineIdx, 0, got);
		e.lineCount = got;
		e.scope = new int[got];
		for (int k = 0; k < got; k++) {
			e.scope[k] = e.cert.lines[e.lineIdx[k]];
		}
	}

	// ---------------------------------------------------------------- baseline: COPY, rolled back

	static void copy(String jdbc, Gen gen, Map<Long, List<Gen.Cert>> byBody, List<Long> chosen, long start, int batches,
			int batchSize) throws Exception {
		try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
			long head;
			try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select size from log_head where id = 1")) {
				r.next();
				head = r.getLong(1);
			}
			// pre-build the COPY streams: one per batch, as the log writer builds one per round
			long nowMillis = System.currentTimeMillis();
			List<byte[]> streams = new ArrayList<>();
			Gen.Entry e = new Gen.Entry();
			long index = head;
			long entryBytes = 0;
			for (int b = 0; b < batches; b++) {
				Preload.Buf buf = new Preload.Buf(batchSize * 160 + 64);
				buf.bytes(Preload.COPY_HEADER);
				for (int i = 0; i < batchSize; i++) {
					entry(gen, byBody, chosen, start, batchSize, b, i, e);
					e.acceptedAtMillis = nowMillis;
					byte[] entry = e.filing().encode();
					entryBytes += entry.length;
					buf.short16(6);
					buf.int32(8);
					buf.int64(index++);
					buf.int32(8);
					buf.int64(e.cert.bodyId);
					buf.int32(-1);
					buf.int32(2);
					buf.short16(LogEntry.KIND_FILING);
					buf.int32(e.number.length);
					buf.bytes(e.number);
					buf.int32(entry.length);
					buf.bytes(entry);
				}
				buf.bytes(Preload.COPY_TRAILER);
				streams.add(Arrays.copyOf(buf.data, buf.pos));
			}
			System.out.printf("pre-built %d COPY streams, mean entry %.1f bytes%n", streams.size(),
					entryBytes / (double) (batches * (long) batchSize));
			db.setAutoCommit(false);
			var api = db.unwrap(PGConnection.class).getCopyAPI();
			long t0 = System.nanoTime();
			long rows = 0;
			for (byte[] stream : streams) {
				CopyIn in = api.copyIn("copy report_filing (entry_index, body_id, refers_to, kind, report_number, entry) from stdin (format binary)");
				in.writeToCopy(stream, 0, stream.length);
				rows += in.endCopy();
			}
			long t1 = System.nanoTime();
			db.rollback();
			double s = (t1 - t0) / 1e9;
			System.out.printf("RESULT copy-baseline rows=%d seconds=%.2f rows_per_s=%.0f batch=%d (one transaction, rolled back)%n",
					rows, s, rows / s, batchSize);
		}
	}

	// ---------------------------------------------------------------- platform: HTTP

	static void http(Map<String, String> opt, Gen gen, Map<Long, List<Gen.Cert>> byBody, List<Long> chosen, long start,
			int batches, int batchSize) throws Exception {
		String base = opt.getOrDefault("url", "http://localhost:8090");
		int concurrency = Integer.parseInt(opt.getOrDefault("concurrency", "3"));
		int warmup = Integer.parseInt(opt.getOrDefault("warmup", "30"));
		int duration = Integer.parseInt(opt.getOrDefault("duration", "90"));
		Path creds = Path.of(opt.getOrDefault("credentials", "/work/bench-data/reports/demo-credentials.json"));
		Map<Long, String> keys = keys(Files.readString(creds));
		List<Batch> built = new ArrayList<>(batches);
		Gen.Entry e = new Gen.Entry();
		long jsonBytes = 0;
		for (int b = 0; b < batches; b++) {
			StringBuilder sb = new StringBuilder(batchSize * 330);
			sb.append("{\"filings\":[");
			for (int i = 0; i < batchSize; i++) {
				entry(gen, byBody, chosen, start, batchSize, b, i, e);
				if (i > 0) {
					sb.append(',');
				}
				sb.append("{\"reportNumber\":\"").append(e.numberText)
					.append("\",\"certificateNumber\":\"").append(e.cert.number)
					.append("\",\"issuedOn\":\"").append(LocalDate.ofEpochDay(e.issuedDay))
					.append("\",\"scope\":[");
				for (int k = 0; k < e.lineCount; k++) {
					if (k > 0) {
						sb.append(',');
					}
					sb.append("{\"parameter\":");
					quote(sb, e.cert.parameters[e.lineIdx[k]]);
					sb.append(",\"method\":");
					quote(sb, e.cert.methods[e.lineIdx[k]]);
					sb.append('}');
				}
				sb.append("],\"digest\":\"sha256:").append(java.util.HexFormat.of().formatHex(e.digest)).append("\"}");
			}
			sb.append("]}");
			byte[] json = sb.toString().getBytes(StandardCharsets.UTF_8);
			jsonBytes += json.length;
			long body = chosen.get(b % chosen.size());
			built.add(new Batch((int) body, keys.get(body), json, batchSize));
		}
		System.out.printf("pre-built %d bodies of %d filings: %.0f bytes per filing, %.1f MB per request%n", batches,
				batchSize, jsonBytes / (double) (batches * (long) batchSize), jsonBytes / (double) batches / 1e6);

		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		// checkpoint poller
		ConcurrentLinkedQueue<Poll> polls = new ConcurrentLinkedQueue<>();
		AtomicInteger pollErrors = new AtomicInteger();
		HttpRequest checkpoint = HttpRequest.newBuilder(URI.create(base + "/log/checkpoint")).GET().build();
		long tStart = System.nanoTime();
		long tMeasure = tStart + warmup * 1_000_000_000L;
		long tEnd = tMeasure + duration * 1_000_000_000L;
		Thread poller = new Thread(() -> {
			long next = System.nanoTime();
			while (System.nanoTime() < tEnd + 10_000_000_000L && !Thread.currentThread().isInterrupted()) {
				try {
					HttpResponse<String> r = client.send(checkpoint, HttpResponse.BodyHandlers.ofString());
					long now = System.nanoTime();
					String[] lines = r.body().split("\n");
					polls.add(new Poll(now, Long.parseLong(lines[1])));
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (Exception ex) {
					pollErrors.incrementAndGet();
				}
				next += 50_000_000L;
				long wait = next - System.nanoTime();
				if (wait > 0) {
					try {
						Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
					}
					catch (InterruptedException ex) {
						return;
					}
				}
				else {
					next = System.nanoTime();
				}
			}
		}, "checkpoint-poller");
		poller.setDaemon(true);
		poller.start();

		AtomicInteger nextBatch = new AtomicInteger();
		ConcurrentLinkedQueue<Answered> answers = new ConcurrentLinkedQueue<>();
		AtomicLong errors = new AtomicLong();
		Pattern counts = Pattern.compile("\"accepted\":(\\d+),\"duplicate\":(\\d+),\"rejected\":(\\d+)");
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < concurrency; w++) {
			Thread t = new Thread(() -> {
				while (System.nanoTime() < tEnd) {
					int n = nextBatch.getAndIncrement();
					if (n >= built.size()) {
						return;
					}
					Batch b = built.get(n);
					HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/reports/filings"))
						.header("Content-Type", "application/json").header("Authorization", "Bearer " + b.key)
						.timeout(Duration.ofSeconds(120))
						.POST(HttpRequest.BodyPublishers.ofByteArray(b.json)).build();
					long sent = System.nanoTime();
					try {
						HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
						long got = System.nanoTime();
						String body = r.body();
						int accepted = 0, duplicate = 0, rejected = 0;
						long last = -1;
						String problem = null;
						Matcher m = counts.matcher(body);
						if (r.statusCode() == 200 && m.find()) {
							accepted = Integer.parseInt(m.group(1));
							duplicate = Integer.parseInt(m.group(2));
							rejected = Integer.parseInt(m.group(3));
							int at = body.lastIndexOf("\"entryIndex\":");
							while (at >= 0 && !Character.isDigit(body.charAt(at + 13))) {
								at = body.lastIndexOf("\"entryIndex\":", at - 1); // a rejected item: null
							}
							if (at >= 0) {
								int endAt = at + 13;
								while (Character.isDigit(body.charAt(endAt))) {
									endAt++;
								}
								last = Long.parseLong(body.substring(at + 13, endAt));
							}
							if (rejected > 0) {
								int c = body.indexOf("\"code\":\"");
								problem = c < 0 ? "?" : body.substring(c + 8, body.indexOf('"', c + 8));
							}
						}
						else {
							problem = "HTTP " + r.statusCode() + " " + body.substring(0, Math.min(300, body.length()));
						}
						answers.add(new Answered(sent, got, r.statusCode(), accepted, duplicate, rejected, last, problem,
								sent >= tMeasure && got <= tEnd));
					}
					catch (Exception ex) {
						errors.incrementAndGet();
						System.err.println("request failed: " + ex);
					}
				}
			}, "filer-" + w);
			t.start();
			workers.add(t);
		}
		// progress every 10 s
		while (workers.stream().anyMatch(Thread::isAlive)) {
			for (Thread t : workers) {
				t.join(10_000);
			}
			long acc = answers.stream().mapToLong(Answered::accepted).sum();
			System.out.printf("  %5.0f s  batches answered %d, accepted %,d%n", (System.nanoTime() - tStart) / 1e9,
					answers.size(), acc);
		}
		boolean ranOut = nextBatch.get() >= built.size();
		// wait for the checkpoint to cover everything answered (at most 10 s more)
		long lastAnswered = answers.stream().mapToLong(Answered::lastIndex).max().orElse(-1);
		long waitUntil = System.nanoTime() + 10_000_000_000L;
		while (System.nanoTime() < waitUntil && polls.stream().mapToLong(Poll::size).max().orElse(0) <= lastAnswered) {
			Thread.sleep(100);
		}
		Thread.sleep(200);
		poller.interrupt();

		List<Answered> all = new ArrayList<>(answers);
		List<Answered> measured = all.stream().filter(Answered::measured).toList();
		long accepted = all.stream().mapToLong(Answered::accepted).sum();
		long duplicate = all.stream().mapToLong(Answered::duplicate).sum();
		long rejected = all.stream().mapToLong(Answered::rejected).sum();
		long non200 = all.stream().filter(a -> a.status != 200).count();
		all.stream().filter(a -> a.firstProblem != null).findFirst().ifPresent(a -> System.out.println("first problem: " + a.firstProblem));
		// throughput: filings in batches sent and answered within the window, over the window from
		// the first send to the last answer among them
		long mAccepted = measured.stream().mapToLong(Answered::accepted).sum();
		long mItems = measured.stream().mapToLong(a -> a.accepted + a.duplicate + a.rejected).sum();
		double window = measured.isEmpty() ? 0
				: (measured.stream().mapToLong(Answered::answeredNanos).max().getAsLong()
						- measured.stream().mapToLong(Answered::sentNanos).min().getAsLong()) / 1e9;
		double[] lat = measured.stream().mapToDouble(a -> (a.answeredNanos - a.sentNanos) / 1e6).sorted().toArray();
		// checkpoint delay
		List<Poll> pl = new ArrayList<>(polls);
		List<Double> delays = new ArrayList<>();
		int uncovered = 0;
		for (Answered a : measured) {
			if (a.lastIndex < 0) {
				continue;
			}
			Double d = null;
			for (Poll p : pl) {
				if (p.nanos >= a.answeredNanos && p.size > a.lastIndex) {
					d = (p.nanos - a.answeredNanos) / 1e6;
					break;
				}
			}
			if (d == null) {
				uncovered++;
			}
			else {
				delays.add(d);
			}
		}
		double[] cd = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("RESULT filing-http filings_per_s=%.0f accepted=%d items_in_window=%d window_s=%.1f batches=%d "
				+ "batch_p50_ms=%.0f batch_p99_ms=%.0f concurrency=%d batch=%d ran_out_of_batches=%s%n",
				mAccepted / window, mAccepted, mItems, window, measured.size(), pct(lat, 50), pct(lat, 99), concurrency,
				batchSize, ranOut);
		System.out.printf("RESULT filing-statuses all_batches=%d accepted=%d duplicate=%d rejected=%d non200=%d errors=%d%n",
				all.size(), accepted, duplicate, rejected, non200, errors.get());
		System.out.printf("RESULT checkpoint-delay batches=%d p50_ms=%.0f p99_ms=%.0f max_ms=%.0f uncovered=%d polls=%d poll_errors=%d%n",
				cd.length, pct(cd, 50), pct(cd, 99), cd.length == 0 ? 0 : cd[cd.length - 1], uncovered, pl.size(), pollErrors.get());
	}

	static double pct(double[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
	}

	static void quote(StringBuilder sb, String s) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"' || c == '\\') {
				sb.append('\\').append(c);
			}
			else if (c < 0x20) {
				sb.append(String.format("\\u%04x", (int) c));
			}
			else {
				sb.append(c);
			}
		}
		sb.append('"');
	}

	/** bodyId -> key from demo-credentials.json (a flat scan: no JSON library on the class path). */
	static Map<Long, String> keys(String json) {
		Map<Long, String> keys = new HashMap<>();
		Matcher m = Pattern.compile("\\{\\s*\"bodyId\"\\s*:\\s*(\\d+)\\s*,[^}]*?\"key\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		while (m.find()) {
			keys.put(Long.parseLong(m.group(1)), m.group(2));
		}
		return keys;
	}
}
