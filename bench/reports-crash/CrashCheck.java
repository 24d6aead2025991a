import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.labtrust.verifier.ConsistencyProof;
import org.labtrust.verifier.MerkleHash;
import org.labtrust.verifier.MerkleTree;

/**
 * The checks of the crash test (bench/reports-crash/run.sh), run once the platform is up again
 * after the last kill and the filer has stopped.
 *
 * <pre>
 *   java -cp verifier.jar:postgresql.jar bench/reports-crash/CrashCheck.java BASE_URL JDBC_URL JOURNAL
 * </pre>
 *
 * Properties, each printed PASS or FAIL with counts (exit status 1 if any fails):
 * <ol>
 * <li>answers kept: every journaled ACCEPTED or DUPLICATE item is in report_filing at the index
 * answered (revocations and replacements name the right filing); every answer for the same item
 * agrees on one index (so a batch retried after a crash, or resent, got DUPLICATE with the original
 * index); no item was answered REJECTED; no entry is in the log without an answer;</li>
 * <li>tiles: every entry bundle and hash tile of the latest checkpoint, downloaded from
 * /log/tile/... (C2SP tlog-tiles), equals what the entries give: bundles the stored entries, level
 * 0 their leaf hashes, level L the hashes of the full tiles below; the partial tiles of every
 * earlier checkpoint are served too; the root recomputed with the verifier's MerkleTree equals the
 * latest checkpoint's root and log_head.root;</li>
 * <li>checkpoints: every row of log_checkpoint is a signed note that verifies (Ed25519, key from
 * /log/key) and says the row's size and root; that root is MerkleTree's root at that size; each
 * checkpoint is consistent with the one before it and the first with the last (consistency proofs
 * from MerkleTree, verified by ConsistencyProof.verify); a later publication never has a smaller
 * size; every checkpoint the filer saw served before a crash is among them;</li>
 * <li>no duplicates, no gaps: no (report_number, body_id) filed twice, no filing revoked or
 * replaced twice, entry indexes exactly 0..size-1, log_head.size the number of entries, every
 * entry's header agrees with its row.</li>
 * </ol>
 */
public class CrashCheck {

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static String base;

	static int failures;

	static final List<String> summary = new ArrayList<>();

	// the log, from report_filing, by entry index
	static int n;

	static byte[][] entries;

	static long[] bodies;

	static long[] refersTo; // -1 for none

	static byte[] kinds;

	static String[] numbers;

	public static void main(String[] args) throws Exception {
		base = args[0];
		String jdbcUrl = args[1];
		Path journal = Path.of(args[2]);
		try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
			long headSize = waitForCheckpointAtHead(db);
			byte[] headRoot;
			try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select size, root from log_head")) {
				r.next();
				headSize = r.getLong(1);
				headRoot = r.getBytes(2);
			}
			loadEntries(db);
			List<byte[]> leaves = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				leaves.add(MerkleHash.leafHash(entries[i]));
			}
			MerkleTree tree = MerkleTree.ofLeafHashes(leaves);

			checkNoDuplicatesNoGaps(db, headSize);
			checkAnswers(journal);
			checkTiles(db, leaves, tree, headSize, headRoot);
			checkCheckpoints(db, tree, journal);
		}
		System.out.println();
		summary.forEach(System.out::println);
		System.out.println(failures == 0 ? "CRASH CHECK: ALL PASS" : "CRASH CHECK: " + failures + " FAILED");
		System.exit(failures == 0 ? 0 : 1);
	}

	static void result(String property, List<String> problems, String counts) {
		String line = (problems.isEmpty() ? "PASS " : "FAIL ") + property + ": " + counts
				+ (problems.isEmpty() ? "" : "; " + problems.size() + " problem(s)");
		if (!problems.isEmpty()) {
			failures++;
			System.out.println(line);
			problems.stream().limit(30).forEach(p -> System.out.println("    " + p));
		}
		summary.add(line);
	}

	/** The filer has stopped: the next checkpoint covers the head (published every 0.5 s). */
	static long waitForCheckpointAtHead(Connection db) throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (true) {
			long head;
			try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select size from log_head")) {
				r.next();
				head = r.getLong(1);
			}
			long served = Long.parseLong(getString("/log/checkpoint").split("\n")[1]);
			if (served == head || System.nanoTime() > deadline) {
				return head;
			}
			Thread.sleep(250);
		}
	}

	static void loadEntries(Connection db) throws Exception {
		long count;
		try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select count(*) from report_filing")) {
			r.next();
			count = r.getLong(1);
		}
		n = Math.toIntExact(count);
		entries = new byte[n][];
		bodies = new long[n];
		refersTo = new long[n];
		kinds = new byte[n];
		numbers = new String[n];
		db.setAutoCommit(false);
		try (Statement s = db.createStatement()) {
			s.setFetchSize(50_000);
			try (ResultSet r = s.executeQuery(
					"select entry_index, body_id, refers_to, kind, report_number, entry from report_filing order by entry_index")) {
				int i = 0;
				while (r.next()) {
					long index = r.getLong(1);
					if (index != i) {
						throw new IllegalStateException("entry " + i + " missing: the next row has index " + index
								+ " (property 4 fails)");
					}
					bodies[i] = r.getLong(2);
					long ref = r.getLong(3);
					refersTo[i] = r.wasNull() ? -1 : ref;
					kinds[i] = (byte) r.getShort(4);
					numbers[i] = r.getString(5);
					entries[i] = r.getBytes(6);
					i++;
				}
			}
		}
		db.commit();
		db.setAutoCommit(true);
	}

	// ---- property 4 ----

	static void checkNoDuplicatesNoGaps(Connection db, long headSize) throws Exception {
		List<String> problems = new ArrayList<>();
		// gaps were checked while loading (row i has index i); here: the head, headers, duplicates
		if (headSize != n) {
			problems.add("log_head.size " + headSize + " but " + n + " entries");
		}
		Map<String, Integer> filings = new HashMap<>();
		Map<Long, Integer> changes = new HashMap<>();
		long revocations = 0;
		long replacements = 0;
		for (int i = 0; i < n; i++) {
			byte[] e = entries[i];
			int certLength = e[10] & 0xff;
			int numberLength = e[11 + certLength] & 0xff;
			String number = new String(e, 12 + certLength, numberLength, StandardCharsets.UTF_8);
			if (e[0] != 1 || e[1] != kinds[i] || !number.equals(numbers[i])) {
				problems.add("entry " + i + ": header (version " + e[0] + ", kind " + e[1] + ", number " + number
						+ ") disagrees with its row (kind " + kinds[i] + ", number " + numbers[i] + ")");
			}
			if (kinds[i] == 1) {
				Integer earlier = filings.put(bodies[i] + "\0" + numbers[i], i);
				if (earlier != null) {
					problems.add("report " + numbers[i] + " of body " + bodies[i] + " filed twice: entries " + earlier
							+ " and " + i);
				}
			}
			if (refersTo[i] >= 0) {
				if (kinds[i] == 2) {
					revocations++;
				}
				else {
					replacements++;
				}
				if (refersTo[i] >= i) {
					problems.add("entry " + i + " refers to a later entry " + refersTo[i]);
				}
				Integer earlier = changes.put(refersTo[i], i);
				if (earlier != null) {
					problems.add("entry " + refersTo[i] + " revoked or replaced twice: entries " + earlier + " and " + i);
				}
			}
		}
		// the database's own view, across partitions
		try (Statement s = db.createStatement();
				ResultSet r = s.executeQuery("""
						select (select count(*) from (select 1 from report_filing where kind = 1
						          group by report_number, body_id having count(*) > 1) d),
						       (select count(*) from (select 1 from report_filing where refers_to is not null
						          group by refers_to having count(*) > 1) d),
						       (select count(distinct entry_index) from report_filing),
						       coalesce((select min(entry_index) from report_filing), 0),
						       coalesce((select max(entry_index) from report_filing), -1)""")) {
			r.next();
			if (r.getLong(1) != 0 || r.getLong(2) != 0) {
				problems.add("SQL: " + r.getLong(1) + " numbers filed twice, " + r.getLong(2) + " entries changed twice");
			}
			if (r.getLong(3) != n || r.getLong(4) != 0 || r.getLong(5) != n - 1) {
				problems.add("SQL: " + r.getLong(3) + " distinct indexes in [" + r.getLong(4) + ", " + r.getLong(5)
						+ "] for " + n + " rows");
			}
		}
		result("4 no duplicates, no gaps", problems, "entries=" + n + " (filings=" + filings.size() + ", revocations="
				+ revocations + ", replacements=" + replacements + "), indexes 0.." + (n - 1) + ", log_head.size="
				+ headSize);
	}

	// ---- property 1 ----

	static void checkAnswers(Path journal) throws IOException {
		List<String> problems = new ArrayList<>();
		Map<String, Integer> filingIndex = new HashMap<>();
		for (int i = 0; i < n; i++) {
			if (kinds[i] == 1) {
				filingIndex.putIfAbsent(bodies[i] + "\0" + numbers[i], i);
			}
		}
		Map<String, Long> answeredIndex = new HashMap<>(); // item -> the index every answer gave
		Map<String, Integer> accepted = new HashMap<>();
		boolean[] answeredEntry = new boolean[n];
		long lines = 0, acceptedCount = 0, duplicateCount = 0, duplicateAfterRetry = 0, duplicateResend = 0,
				rejectedCount = 0, retriedBatchItems = 0;
		java.util.Set<Long> retriedBatches = new java.util.HashSet<>();
		for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
			if (!line.startsWith("A\t")) {
				continue;
			}
			lines++;
			String[] f = line.split("\t");
			long batch = Long.parseLong(f[1]);
			int attempts = Integer.parseInt(f[2]);
			boolean resend = f[3].equals("1");
			char kind = f[4].charAt(0);
			long body = Long.parseLong(f[5]);
			String number = f[6];
			String status = f[7];
			if (attempts > 1) {
				retriedBatches.add(batch);
				retriedBatchItems++;
			}
			if (status.equals("REJECTED")) {
				rejectedCount++;
				problems.add("batch " + batch + " " + kind + " " + number + " (body " + body + "): REJECTED "
						+ (f.length > 9 ? f[9] : "") + " after " + attempts + " attempt(s)");
				continue;
			}
			long index = Long.parseLong(f[8]);
			if (status.equals("ACCEPTED")) {
				acceptedCount++;
			}
			else {
				duplicateCount++;
				if (resend) {
					duplicateResend++;
				}
				else if (attempts > 1) {
					duplicateAfterRetry++;
				}
			}
			String item = kind + "\0" + body + "\0" + number;
			if (status.equals("ACCEPTED") && accepted.merge(item, 1, Integer::sum) > 1) {
				problems.add(kind + " " + number + " (body " + body + ") answered ACCEPTED more than once");
			}
			Long earlier = answeredIndex.putIfAbsent(item, index);
			if (earlier != null && earlier != index) {
				problems.add(kind + " " + number + " (body " + body + ") answered index " + earlier + " and later "
						+ index + " (batch " + batch + ", attempt " + attempts + ", " + status + ")");
			}
			if (index < 0 || index >= n) {
				problems.add("batch " + batch + " " + number + ": answered index " + index + " is not in the log (size "
						+ n + ") — an answer lost by the crash");
				continue;
			}
			answeredEntry[(int) index] = true;
			Integer filed = filingIndex.get(body + "\0" + number);
			switch (kind) {
				case 'F' -> {
					if (filed == null || filed != index) {
						problems.add("filing " + number + " (body " + body + ") answered " + status + " at " + index
								+ " but the log has it at " + filed + " (batch " + batch + ", attempt " + attempts + ")");
					}
				}
				case 'R' -> {
					if (kinds[(int) index] != 2 || bodies[(int) index] != body || !numbers[(int) index].equals(number)
							|| filed == null || refersTo[(int) index] != filed) {
						problems.add("revocation of " + number + " (body " + body + ") answered at " + index
								+ " but that entry is kind " + kinds[(int) index] + " " + numbers[(int) index]
								+ " referring to " + refersTo[(int) index] + " (the filing is at " + filed + ")");
					}
				}
				case 'P' -> {
					String corrected = f[9];
					if (kinds[(int) index] != 1 || bodies[(int) index] != body
							|| !numbers[(int) index].equals(corrected) || filed == null
							|| refersTo[(int) index] != filed) {
						problems.add("replacement of " + number + " by " + corrected + " (body " + body + ") answered at "
								+ index + " but that entry is " + numbers[(int) index] + " referring to "
								+ refersTo[(int) index] + " (the old filing is at " + filed + ")");
					}
				}
				default -> problems.add("journal line of unknown kind: " + line);
			}
		}
		long unanswered = 0;
		for (int i = 0; i < n; i++) {
			if (!answeredEntry[i]) {
				unanswered++;
				if (unanswered <= 5) {
					problems.add("entry " + i + " (" + numbers[i] + ", body " + bodies[i] + ") is in the log but no answer named it");
				}
			}
		}
		result("1 answers kept", problems, "items answered=" + lines + " (ACCEPTED=" + acceptedCount + ", DUPLICATE="
				+ duplicateCount + " of which " + duplicateAfterRetry + " after a crash retry and " + duplicateResend
				+ " on deliberate resends, REJECTED=" + rejectedCount + "), retried batches=" + retriedBatches.size()
				+ " (" + retriedBatchItems + " items), entries without an answer=" + unanswered);
	}

	// ---- property 2 ----

	static void checkTiles(Connection db, List<byte[]> leaves, MerkleTree tree, long headSize, byte[] headRoot)
			throws Exception {
		List<String> problems = new ArrayList<>();
		String[] note = getString("/log/checkpoint").split("\n");
		long size = Long.parseLong(note[1]);
		byte[] root = Base64.getDecoder().decode(note[2]);
		if (size != n) {
			problems.add("latest checkpoint size " + size + " but the log holds " + n + " entries");
		}
		size = Math.min(size, n);
		// expected hashes per level: level 0 the leaves, level L+1 the roots of full tiles of level L
		List<List<byte[]>> levels = new ArrayList<>();
		levels.add(leaves);
		while (levels.get(levels.size() - 1).size() >= 256) {
			List<byte[]> below = levels.get(levels.size() - 1);
			List<byte[]> up = new ArrayList<>();
			for (int t = 0; t + 256 <= below.size(); t += 256) {
				up.add(MerkleTree.ofLeafHashes(below.subList(t, t + 256)).rootHash(256));
			}
			levels.add(up);
		}
		// what to fetch: every tile of the latest checkpoint, and the partial tiles of every earlier one
		List<long[]> wanted = new ArrayList<>(); // level (-1 entries), index, width
		java.util.Set<String> seen = new java.util.HashSet<>();
		List<Long> sizes = new ArrayList<>();
		try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select size from log_checkpoint order by size")) {
			while (r.next()) {
				if (r.getLong(1) <= size) {
					sizes.add(r.getLong(1));
				}
			}
		}
		long fullTiles = 0;
		for (int level = -1;; level++) {
			int hashLevel = Math.max(level, 0);
			long count = size >>> (8 * hashLevel);
			if (count == 0 || hashLevel >= levels.size()) {
				break;
			}
			for (long t = 0; t < count / 256; t++) {
				wanted.add(new long[] { level, t, 256 });
				fullTiles++;
			}
			for (long s : sizes) {
				long c = s >>> (8 * hashLevel);
				if (c % 256 != 0 && seen.add(level + "/" + (c / 256) + "/" + (c % 256))) {
					wanted.add(new long[] { level, c / 256, c % 256 });
				}
			}
			if (count % 256 != 0 && seen.add(level + "/" + (count / 256) + "/" + (count % 256))) {
				wanted.add(new long[] { level, count / 256, count % 256 });
			}
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<String>> checks = new ArrayList<>();
		for (long[] tile : wanted) {
			checks.add(pool.submit(() -> checkTile((int) tile[0], tile[1], (int) tile[2], levels)));
		}
		long bytes = 0;
		for (Future<String> check : checks) {
			String problem = check.get();
			if (problem != null) {
				problems.add(problem);
			}
		}
		pool.shutdown();
		byte[] recomputed = tree.rootHash(size);
		if (!Arrays.equals(recomputed, root)) {
			problems.add("MerkleTree root at " + size + " is " + b64(recomputed) + " but the checkpoint says " + b64(root));
		}
		if (!Arrays.equals(tree.rootHash(n), headRoot)) {
			problems.add("log_head.root " + b64(headRoot) + " is not MerkleTree's root at " + n);
		}
		result("2 tiles match entries", problems, "tree size=" + size + ", tiles and bundles fetched=" + wanted.size()
				+ " (" + fullTiles + " full, " + (wanted.size() - fullTiles) + " partial, over " + sizes.size()
				+ " checkpoint sizes), levels=" + levels.size() + ", root=" + b64(root));
	}

	/** Fetches one tile or bundle and compares it; null when it matches. */
	static String checkTile(int level, long index, int width, List<List<byte[]>> levels) {
		String path = "/log/tile/" + (level < 0 ? "entries" : Integer.toString(level)) + "/" + tileIndex(index)
				+ (width == 256 ? "" : ".p/" + width);
		byte[] served;
		try {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				return path + ": HTTP " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
			}
			served = response.body();
		}
		catch (IOException | InterruptedException e) {
			return path + ": " + e;
		}
		java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
		long first = index * 256;
		for (long i = first; i < first + width; i++) {
			if (level < 0) {
				byte[] e = entries[(int) i];
				expected.write(e.length >>> 8);
				expected.write(e.length);
				expected.writeBytes(e);
			}
			else {
				expected.writeBytes(levels.get(level).get((int) i));
			}
		}
		if (!Arrays.equals(served, expected.toByteArray())) {
			return path + ": served " + served.length + " bytes that differ from the " + expected.size()
					+ " the entries give";
		}
		return null;
	}

	static String tileIndex(long index) {
		String digits = String.format("%03d", index % 1000);
		for (long rest = index / 1000; rest > 0; rest /= 1000) {
			digits = String.format("x%03d/", rest % 1000) + digits;
		}
		return digits;
	}

	// ---- property 3 ----

	record Note(String origin, long size, byte[] root, boolean signed) {
	}

	static void checkCheckpoints(Connection db, MerkleTree tree, Path journal) throws Exception {
		List<String> problems = new ArrayList<>();
		String[] key = getString("/log/key").strip().split("\\+", 3); // the name has no +, base64 may
		String name = key[0];
		byte[] keyBytes = Base64.getDecoder().decode(key[2]);
		byte[] raw = Arrays.copyOfRange(keyBytes, 1, 33);
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		sha.update(name.getBytes(StandardCharsets.UTF_8));
		sha.update(new byte[] { 0x0a, 0x01 });
		sha.update(raw);
		byte[] keyId = Arrays.copyOf(sha.digest(), 4);
		if (keyBytes[0] != 1 || keyBytes.length != 33 || !HexFormat.of().formatHex(keyId).equals(key[1])) {
			problems.add("/log/key: bad algorithm byte, length or key ID: " + String.join("+", key));
		}
		PublicKey publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
				concat(HexFormat.of().parseHex("302a300506032b6570032100"), raw)));

		record Row(long size, byte[] root, String note, java.sql.Timestamp publishedAt) {
		}
		List<Row> rows = new ArrayList<>();
		try (Statement s = db.createStatement();
				ResultSet r = s.executeQuery("select size, root, note, published_at from log_checkpoint order by size")) {
			while (r.next()) {
				rows.add(new Row(r.getLong(1), r.getBytes(2), r.getString(3), r.getTimestamp(4)));
			}
		}
		Map<Long, byte[]> rootBySize = new LinkedHashMap<>();
		for (Row row : rows) {
			Note note = parse(row.note, name, keyId, publicKey);
			if (!note.signed) {
				problems.add("checkpoint " + row.size + ": signature does not verify");
			}
			if (!note.origin.equals(name) || note.size != row.size || !Arrays.equals(note.root, row.root)) {
				problems.add("checkpoint " + row.size + ": note says " + note.origin + " " + note.size + " "
						+ b64(note.root) + ", row says " + row.size + " " + b64(row.root));
			}
			if (row.size > n) {
				problems.add("checkpoint " + row.size + " is larger than the log (" + n + " entries): it covers lost entries");
				continue;
			}
			if (!Arrays.equals(tree.rootHash(row.size), row.root)) {
				problems.add("checkpoint " + row.size + ": root " + b64(row.root) + " but MerkleTree says "
						+ b64(tree.rootHash(row.size)));
			}
			rootBySize.put(row.size, row.root);
		}
		// consistency: consecutive pairs, and the first non-empty with the last
		List<Long> sizes = new ArrayList<>(rootBySize.keySet());
		int proofs = 0;
		List<long[]> pairs = new ArrayList<>();
		for (int i = 1; i < sizes.size(); i++) {
			pairs.add(new long[] { sizes.get(i - 1), sizes.get(i) });
		}
		long firstNonEmpty = sizes.stream().filter(s -> s > 0).findFirst().orElse(0L);
		if (firstNonEmpty > 0) {
			pairs.add(new long[] { firstNonEmpty, sizes.get(sizes.size() - 1) });
		}
		for (long[] pair : pairs) {
			if (pair[0] == 0) {
				// RFC 6962 has no proof from the empty tree: its root must be the empty root
				if (!Arrays.equals(rootBySize.get(0L), MerkleHash.emptyRoot())) {
					problems.add("checkpoint 0 does not have the empty root");
				}
				continue;
			}
			List<byte[]> proof = tree.consistencyProof(pair[0], pair[1]);
			proofs++;
			if (!ConsistencyProof.verify(pair[0], pair[1], rootBySize.get(pair[0]), rootBySize.get(pair[1]), proof)) {
				problems.add("checkpoints " + pair[0] + " and " + pair[1] + ": consistency proof does not verify");
			}
		}
		// publication order: a later checkpoint never covers less
		List<Row> byTime = new ArrayList<>(rows);
		byTime.sort((a, b) -> a.publishedAt.compareTo(b.publishedAt));
		for (int i = 1; i < byTime.size(); i++) {
			if (byTime.get(i).size < byTime.get(i - 1).size) {
				problems.add("checkpoint " + byTime.get(i).size + " published at " + byTime.get(i).publishedAt
						+ ", after checkpoint " + byTime.get(i - 1).size + " (" + byTime.get(i - 1).publishedAt + ")");
			}
		}
		// what the filer saw served, before and after the crashes
		int observed = 0;
		long latest = sizes.isEmpty() ? 0 : sizes.get(sizes.size() - 1);
		for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
			if (!line.startsWith("C\t")) {
				continue;
			}
			observed++;
			String text = new String(Base64.getDecoder().decode(line.substring(2)), StandardCharsets.UTF_8);
			Note note = parse(text, name, keyId, publicKey);
			byte[] stored = rootBySize.get(note.size);
			if (!note.signed) {
				problems.add("served checkpoint " + note.size + ": signature does not verify");
			}
			if (stored == null || !Arrays.equals(stored, note.root)) {
				problems.add("served checkpoint " + note.size + " " + b64(note.root) + " is not in log_checkpoint"
						+ (stored == null ? "" : " (which has root " + b64(stored) + ")"));
			}
			if (note.size > latest) {
				problems.add("served checkpoint " + note.size + " is larger than the latest stored " + latest);
			}
			else if (note.size > 0) {
				boolean consistent = note.size == latest ? Arrays.equals(note.root, rootBySize.get(latest))
						: ConsistencyProof.verify(note.size, latest, note.root, rootBySize.get(latest),
								tree.consistencyProof(note.size, latest));
				if (!consistent) {
					problems.add("served checkpoint " + note.size + " is not consistent with the latest " + latest);
				}
			}
		}
		result("3 checkpoints signed and consistent", problems, "checkpoints=" + rows.size() + " (sizes " + (sizes.isEmpty()
				? "-" : sizes.get(0) + ".." + latest) + "), signatures verified=" + rows.size()
				+ ", consistency proofs verified=" + proofs + ", checkpoints seen served by the filer=" + observed);
	}

	static Note parse(String note, String name, byte[] keyId, PublicKey key) {
		int split = note.indexOf("\n\n");
		String text = note.substring(0, split + 1);
		String[] lines = text.split("\n");
		boolean signed = false;
		for (String sig : note.substring(split + 2).split("\n")) {
			String prefix = "\u2014 " + name + " ";
			if (!sig.startsWith(prefix)) {
				continue;
			}
			byte[] blob = Base64.getDecoder().decode(sig.substring(prefix.length()));
			if (blob.length == 68 && Arrays.equals(Arrays.copyOf(blob, 4), keyId)) {
				try {
					Signature verifier = Signature.getInstance("Ed25519");
					verifier.initVerify(key);
					verifier.update(text.getBytes(StandardCharsets.UTF_8));
					signed |= verifier.verify(Arrays.copyOfRange(blob, 4, 68));
				}
				catch (Exception e) {
					// not signed
				}
			}
		}
		return new Note(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]), signed);
	}

	static String getString(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException(path + ": HTTP " + response.statusCode());
		}
		return response.body();
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	static String b64(byte[] bytes) {
		return bytes == null ? "null" : Base64.getEncoder().encodeToString(bytes);
	}
}
