import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of the crash test (bench/reports-crash/run.sh): files report batches without
 * pause while the platform is killed and restarted under it, and writes down every answer.
 *
 * <pre>
 *   java bench/reports-crash/CrashFiler.java BASE_URL BODIES_TSV JOURNAL STOP_FILE [WORKERS]
 * </pre>
 *
 * BODIES_TSV: one line per demo body, {@code bodyId \t apiKey \t certificate \t parameter \t method}
 * (a VALID certificate of the body with a VALID scope row). Each worker owns some bodies and sends,
 * one request at a time:
 * <ul>
 * <li>mostly a batch of 200 to 2,000 new filings (report numbers unique to the run);</li>
 * <li>sometimes (1 in 12) a batch of 1 to 20 revocations of filings it was told were accepted, a
 * few of them replacements by a corrected report (a new filing that names the old one);</li>
 * <li>sometimes (1 in 20) a deliberate resend of a batch already answered (a client that is not
 * sure its earlier answer arrived): every item must come back DUPLICATE with the same index.</li>
 * </ul>
 * A request that fails (connection refused or reset, timeout, any status but 200) is sent again,
 * byte for byte the same, until it is answered: if the platform had committed the batch before it
 * died, the answer is then DUPLICATE. Every answered item is appended to JOURNAL and the journal is
 * flushed before the worker sends its next request. Journal lines, tab-separated:
 *
 * <pre>
 *   A  batch  attempts  resend(0|1)  kind(F|R|P)  bodyId  reportNumber  status  entryIndex|-  [newNumber]
 * </pre>
 *
 * (kind P is a replacement: reportNumber is the replaced filing, newNumber the corrected one, and
 * entryIndex the corrected filing's index.) A checkpoint watcher polls {@code /log/checkpoint} and
 * journals each new note seen ({@code C  base64(note)}): a client saw it, so it must stay provable.
 * Stops, after the request in flight is answered, when STOP_FILE exists or on SIGTERM.
 */
public class CrashFiler {

	record Body(long id, String key, String certificate, String parameter, String method) {
	}

	/** One item sent; {@code replacement} is the corrected report's number for kind P. */
	record Item(char kind, long body, String number, String replacement) {
	}

	record Batch(long id, String key, String path, String json, List<Item> items, boolean resend) {
	}

	static final AtomicBoolean stop = new AtomicBoolean();

	static final long firstBatch = System.currentTimeMillis() % 100_000_000L * 10_000L; // ids unique across filer runs

	static final AtomicLong batches = new AtomicLong(firstBatch);

	static final AtomicLong answered = new AtomicLong();

	static final AtomicLong retries = new AtomicLong();

	static final AtomicLong retriedBatches = new AtomicLong();

	static final AtomicLong duplicates = new AtomicLong();

	static final AtomicLong duplicatesAfterRetry = new AtomicLong();

	static final AtomicLong rejected = new AtomicLong();

	static final AtomicLong resends = new AtomicLong();

	static final Map<Integer, AtomicLong> failures = new java.util.concurrent.ConcurrentHashMap<>();

	static BufferedWriter journal;

	static String base;

	static Path stopFile;

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1).build();

	public static void main(String[] args) throws Exception {
		base = args[0];
		List<Body> bodies = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of(args[1]))) {
			if (line.isBlank()) {
				continue;
			}
			String[] f = line.split("\t");
			bodies.add(new Body(Long.parseLong(f[0]), f[1], f[2], f[3], f[4]));
		}
		journal = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.APPEND); // a resumed run (run.sh RESUME=1) adds to it
		stopFile = Path.of(args[3]);
		int workers = args.length > 4 ? Integer.parseInt(args[4]) : 3;
		String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
		Thread main = Thread.currentThread();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stop.set(true);
			try {
				main.join(180_000);
			}
			catch (InterruptedException e) {
				// exit
			}
		}));
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < workers; w++) {
			List<Body> own = new ArrayList<>();
			for (int i = w; i < bodies.size(); i += workers) {
				own.add(bodies.get(i));
			}
			int worker = w;
			Thread thread = new Thread(() -> work(worker, own, run), "worker-" + w);
			thread.start();
			threads.add(thread);
		}
		Thread watcher = new Thread(CrashFiler::watchCheckpoints, "checkpoints");
		watcher.setDaemon(true);
		watcher.start();
		long started = System.nanoTime();
		while (threads.stream().anyMatch(Thread::isAlive)) {
			if (Files.exists(stopFile)) {
				stop.set(true);
			}
			Thread.sleep(200);
		}
		synchronized (journal) {
			journal.flush();
		}
		System.out.printf(
				"FILER batches=%d items_answered=%d retries=%d retried_batches=%d duplicates=%d duplicates_after_retry=%d resends=%d rejected=%d failures=%s seconds=%d%n",
				batches.get() - firstBatch, answered.get(), retries.get(), retriedBatches.get(), duplicates.get(),
				duplicatesAfterRetry.get(), resends.get(), rejected.get(), failures,
				(System.nanoTime() - started) / 1_000_000_000L);
	}

	static void work(int worker, List<Body> bodies, String run) {
		Random random = new Random(worker * 7919L + System.nanoTime());
		Map<Long, List<String>> revocable = new LinkedHashMap<>(); // per body: accepted, not yet changed
		List<Batch> answeredBatches = new ArrayList<>();
		long serial = 0;
		while (!stop.get()) {
			Body body = bodies.get(random.nextInt(bodies.size()));
			List<String> mine = revocable.computeIfAbsent(body.id, k -> new ArrayList<>());
			int dice = random.nextInt(240);
			Batch batch;
			if (dice < 12 && !answeredBatches.isEmpty()) {
				Batch old = answeredBatches.get(random.nextInt(answeredBatches.size()));
				batch = new Batch(batches.incrementAndGet(), old.key, old.path, old.json, old.items, true);
				resends.incrementAndGet();
			}
			else if (dice < 32 && mine.size() > 20) {
				int n = 1 + random.nextInt(20);
				List<Item> items = new ArrayList<>();
				StringBuilder json = new StringBuilder("{\"revocations\": [");
				for (int i = 0; i < n; i++) {
					String number = mine.remove(random.nextInt(mine.size()));
					if (i > 0) {
						json.append(',');
					}
					if (random.nextInt(4) == 0) {
						String corrected = number + "-C";
						items.add(new Item('P', body.id, number, corrected));
						json.append("{\"reportNumber\": \"").append(number).append("\", \"replacement\": ")
							.append(filing(body, corrected)).append('}');
					}
					else {
						String reason = List.of("ISSUED_IN_ERROR", "DATA_ERROR", "WITHDRAWN_BY_CLIENT", "OTHER")
							.get(random.nextInt(4));
						items.add(new Item('R', body.id, number, null));
						json.append("{\"reportNumber\": \"").append(number).append("\", \"reason\": \"").append(reason)
							.append("\"}");
					}
				}
				json.append("]}");
				batch = new Batch(batches.incrementAndGet(), body.key, "/api/v1/reports/revocations", json.toString(), items, false);
			}
			else {
				int n = 200 + random.nextInt(1801);
				List<Item> items = new ArrayList<>(n);
				StringBuilder json = new StringBuilder(n * 220).append("{\"filings\": [");
				for (int i = 0; i < n; i++) {
					String number = "CR-" + run + "-" + worker + "-" + (++serial);
					items.add(new Item('F', body.id, number, null));
					if (i > 0) {
						json.append(',');
					}
					json.append(filing(body, number));
				}
				json.append("]}");
				batch = new Batch(batches.incrementAndGet(), body.key, "/api/v1/reports/filings", json.toString(), items, false);
			}
			List<String[]> results = send(batch);
			if (results == null) {
				break; // stopped while the platform was down for too long
			}
			for (int i = 0; i < batch.items.size(); i++) {
				Item item = batch.items.get(i);
				String[] result = results.get(i);
				if (item.kind == 'F' && result[1].equals("ACCEPTED") && !batch.resend) {
					mine.add(item.number);
				}
			}
			if (!batch.resend && batch.items.get(0).kind == 'F' && answeredBatches.size() < 500) {
				answeredBatches.add(batch);
			}
		}
	}

	static String filing(Body body, String number) {
		return "{\"reportNumber\": \"" + number + "\", \"certificateNumber\": \"" + body.certificate
				+ "\", \"issuedOn\": \"" + LocalDate.now().minusDays(1) + "\", \"scope\": [{\"parameter\": "
				+ quote(body.parameter) + ", \"method\": " + quote(body.method) + "}], \"digest\": \"sha256:"
				+ sha256(number) + "\"}";
	}

	/** Sends until answered; journals the answers; null when told to stop while still unanswered. */
	static List<String[]> send(Batch batch) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + batch.path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + batch.key)
			.timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.ofString(batch.json))
			.build();
		int attempts = 0;
		long stoppedAt = 0;
		while (true) {
			attempts++;
			int status;
			String answer = null;
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				status = response.statusCode();
				answer = response.body();
			}
			catch (IOException e) {
				status = -1;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return null;
			}
			if (status == 200) {
				List<String[]> results = parse(answer);
				if (results.size() != batch.items.size()) {
					throw new IllegalStateException("batch " + batch.id + ": " + results.size() + " results for "
							+ batch.items.size() + " items");
				}
				journal(batch, attempts, results);
				return results;
			}
			failures.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
			retries.incrementAndGet();
			if (attempts == 2) {
				retriedBatches.incrementAndGet();
			}
			if (stop.get()) {
				if (stoppedAt == 0) {
					stoppedAt = System.nanoTime();
				}
				else if (System.nanoTime() - stoppedAt > 120_000_000_000L) {
					System.out.println("FILER gave up on batch " + batch.id + " after the stop: never answered");
					return null;
				}
			}
			try {
				Thread.sleep(status == -1 ? 200 : 500);
			}
			catch (InterruptedException e) {
				return null;
			}
		}
	}

	static void journal(Batch batch, int attempts, List<String[]> results) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < results.size(); i++) {
			Item item = batch.items.get(i);
			String[] r = results.get(i);
			answered.incrementAndGet();
			if (r[1].equals("DUPLICATE")) {
				duplicates.incrementAndGet();
				if (attempts > 1) {
					duplicatesAfterRetry.incrementAndGet();
				}
			}
			else if (r[1].equals("REJECTED")) {
				rejected.incrementAndGet();
			}
			if (!r[0].equals(item.number)) {
				throw new IllegalStateException("batch " + batch.id + " item " + i + ": answer for " + r[0]);
			}
			out.append("A\t").append(batch.id).append('\t').append(attempts).append('\t').append(batch.resend ? 1 : 0)
				.append('\t').append(item.kind).append('\t').append(item.body).append('\t').append(item.number)
				.append('\t').append(r[1]).append('\t').append(r[2] == null ? "-" : r[2]);
			if (item.replacement != null) {
				out.append('\t').append(item.replacement);
			}
			if (r[1].equals("REJECTED")) {
				out.append("\t#").append(r[3]);
			}
			out.append('\n');
		}
		synchronized (journal) {
			try {
				journal.write(out.toString());
				journal.flush();
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}

	static void watchCheckpoints() {
		String last = null;
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/log/checkpoint")).timeout(Duration.ofSeconds(5))
			.build();
		while (true) {
			try {
				HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && !response.body().equals(last)) {
					last = response.body();
					synchronized (journal) {
						journal.write("C\t" + java.util.Base64.getEncoder()
							.encodeToString(last.getBytes(StandardCharsets.UTF_8)) + "\n");
						journal.flush();
					}
				}
			}
			catch (IOException e) {
				// down: try again
			}
			catch (InterruptedException e) {
				return;
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	// ---- the answer: {"accepted":..,"duplicate":..,"rejected":..,"results":[{reportNumber,status,entryIndex,problems}]}

	/** Per item: reportNumber, status, entryIndex (or null), first problem code (or null). */
	@SuppressWarnings("unchecked")
	static List<String[]> parse(String json) {
		Map<String, Object> root = (Map<String, Object>) new Json(json).value();
		List<String[]> out = new ArrayList<>();
		for (Object o : (List<Object>) root.get("results")) {
			Map<String, Object> r = (Map<String, Object>) o;
			Object index = r.get("entryIndex");
			List<Object> problems = (List<Object>) r.get("problems");
			String code = problems == null || problems.isEmpty() ? null
					: (String) ((Map<String, Object>) problems.get(0)).get("code");
			out.add(new String[] { (String) r.get("reportNumber"), (String) r.get("status"),
					index == null ? null : index.toString(), code });
		}
		return out;
	}

	/** A small JSON reader (objects, arrays, strings, integers, true/false/null). */
	static final class Json {

		private final String s;

		private int i;

		Json(String s) {
			this.s = s;
		}

		Object value() {
			skip();
			char c = s.charAt(i);
			switch (c) {
				case '{': {
					i++;
					Map<String, Object> map = new LinkedHashMap<>();
					skip();
					if (s.charAt(i) == '}') {
						i++;
						return map;
					}
					while (true) {
						skip();
						String key = string();
						skip();
						expect(':');
						map.put(key, value());
						skip();
						if (s.charAt(i) == ',') {
							i++;
							continue;
						}
						expect('}');
						return map;
					}
				}
				case '[': {
					i++;
					List<Object> list = new ArrayList<>();
					skip();
					if (s.charAt(i) == ']') {
						i++;
						return list;
					}
					while (true) {
						list.add(value());
						skip();
						if (s.charAt(i) == ',') {
							i++;
							continue;
						}
						expect(']');
						return list;
					}
				}
				case '"':
					return string();
				case 't':
					i += 4;
					return Boolean.TRUE;
				case 'f':
					i += 5;
					return Boolean.FALSE;
				case 'n':
					i += 4;
					return null;
				default: {
					int start = i;
					while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
						i++;
					}
					String number = s.substring(start, i);
					return number.contains(".") || number.contains("e") || number.contains("E")
							? (Object) Double.parseDouble(number) : (Object) Long.parseLong(number);
				}
			}
		}

		private String string() {
			expect('"');
			StringBuilder out = new StringBuilder();
			while (true) {
				char c = s.charAt(i++);
				if (c == '"') {
					return out.toString();
				}
				if (c == '\\') {
					char e = s.charAt(i++);
					switch (e) {
						case 'n' -> out.append('\n');
						case 't' -> out.append('\t');
						case 'r' -> out.append('\r');
						case 'b' -> out.append('\b');
						case 'f' -> out.append('\f');
						case 'u' -> {
							out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
							i += 4;
						}
						default -> out.append(e);
					}
				}
				else {
					out.append(c);
				}
			}
		}

		private void skip() {
			while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
				i++;
			}
		}

		private void expect(char c) {
			if (s.charAt(i) != c) {
				throw new IllegalArgumentException("expected " + c + " at " + i);
			}
			i++;
		}
	}

	static String quote(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

	static String sha256(String content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
