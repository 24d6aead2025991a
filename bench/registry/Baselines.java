import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.labtrust.registry.StandardCode;
import org.labtrust.registry.internal.search.ChineseAnalyzer;

/**
 * Baselines for the registry benchmark, measured in the same run as the HTTP figures: the same
 * searches straight against the Lucene index (no HTTP, no Spring, no facets, no database), and
 * PostgreSQL lookups by primary key and by certificate number over JDBC. Same concurrency.
 *
 * Usage: java -cp <app classpath> Baselines.java <indexDir> <jdbcUrl> <queries.txt> <numbers.txt> <threads> <seconds>
 */
public class Baselines {

	interface Op {
		void run(int thread) throws Exception;
	}

	public static void main(String[] args) throws Exception {
		Path indexDir = Path.of(args[0]);
		String jdbcUrl = args[1];
		List<String> queries = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
		List<String> numbers = Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank()).toList();
		int threads = Integer.parseInt(args[4]);
		int seconds = Integer.parseInt(args[5]);

		try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(indexDir))) {
			IndexSearcher searcher = new IndexSearcher(reader);
			ChineseAnalyzer analyzer = new ChineseAnalyzer();
			List<Query> built = queries.stream().map(q -> build(q, analyzer)).toList();
			double[] cdf = zipf(built.size());
			measure("lucene-search", threads, seconds, t -> {
				int r = Arrays.binarySearch(cdf, ThreadLocalRandom.current().nextDouble() * cdf[cdf.length - 1]);
				Query query = built.get(Math.min(built.size() - 1, r < 0 ? -r - 1 : r));
				TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(20, null, Integer.MAX_VALUE));
				StoredFields stored = searcher.storedFields();
				for (ScoreDoc hit : top.scoreDocs) {
					stored.document(hit.doc);
				}
			});
		}

		Connection[] connections = new Connection[threads];
		for (int i = 0; i < threads; i++) {
			connections[i] = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
		}
		long maxId;
		try (ResultSet rs = connections[0].createStatement().executeQuery("select max(id) from certificate")) {
			rs.next();
			maxId = rs.getLong(1);
		}
		PreparedStatement[] byId = new PreparedStatement[threads];
		PreparedStatement[] byNumber = new PreparedStatement[threads];
		for (int i = 0; i < threads; i++) {
			byId[i] = connections[i].prepareStatement(
					"select id, number, body_id, status, issued_on, valid_until from certificate where id = ?");
			byNumber[i] = connections[i].prepareStatement(
					"select id, number, body_id, status, issued_on, valid_until from certificate where number = ?");
		}
		measure("postgres-pk-lookup", threads, seconds, t -> {
			byId[t].setLong(1, 1 + ThreadLocalRandom.current().nextLong(maxId));
			try (ResultSet rs = byId[t].executeQuery()) {
				rs.next();
			}
		});
		measure("postgres-number-lookup", threads, seconds, t -> {
			byNumber[t].setString(1, numbers.get(ThreadLocalRandom.current().nextInt(numbers.size())));
			try (ResultSet rs = byNumber[t].executeQuery()) {
				rs.next();
			}
		});
		for (Connection c : connections) {
			c.close();
		}
	}

	/** Cumulative Zipf (s=1) weights: line r is picked with probability proportional to 1/r, as in search.lua. */
	static double[] zipf(int n) {
		double[] cdf = new double[n];
		double total = 0;
		for (int r = 1; r <= n; r++) {
			total += 1.0 / r;
			cdf[r - 1] = total;
		}
		return cdf;
	}

	/** Same meaning as the platform's search for these query lines (text, province, status, field). */
	static Query build(String line, ChineseAnalyzer analyzer) {
		BooleanQuery.Builder bool = new BooleanQuery.Builder();
		boolean any = false;
		for (String pair : line.split("&")) {
			String[] kv = pair.split("=", 2);
			String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8).strip() : "";
			if (value.isEmpty()) {
				continue;
			}
			any = true;
			switch (kv[0]) {
				case "q" -> {
					var code = StandardCode.tryParse(value);
					if (code.isPresent()) {
						String term = code.get().code().replace(" ", "").toLowerCase(Locale.ROOT);
						bool.add(new TermQuery(new Term("methodCodes", term)), BooleanClause.Occur.MUST);
					}
					else {
						SimpleQueryParser parser = new SimpleQueryParser(analyzer, "searchText");
						parser.setDefaultOperator(BooleanClause.Occur.MUST);
						bool.add(parser.parse(value), BooleanClause.Occur.MUST);
					}
				}
				case "province" -> bool.add(new TermQuery(new Term("provinceCode", value)), BooleanClause.Occur.FILTER);
				case "status" -> bool.add(new TermQuery(new Term("certificates.status", value)), BooleanClause.Occur.FILTER);
				case "field" -> bool.add(new TermQuery(new Term("certificates.fieldCode", value)), BooleanClause.Occur.FILTER);
				case "page" -> {
					// the platform fetches a later page; the baseline keeps to the first
				}
				default -> throw new IllegalArgumentException(pair);
			}
		}
		return any ? bool.build() : new MatchAllDocsQuery();
	}

	static void measure(String name, int threads, int seconds, Op op) throws Exception {
		// warm-up, then measure
		run(threads, Math.max(2, seconds / 3), op);
		long start = System.nanoTime();
		long[][] samples = run(threads, seconds, op);
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] all = Arrays.stream(samples).flatMapToLong(Arrays::stream).sorted().toArray();
		System.out.printf(Locale.ROOT, "RESULT %s requests=%d rps=%.1f p50_ms=%.3f p95_ms=%.3f p99_ms=%.3f%n", name,
				all.length, all.length / elapsed, pct(all, 50), pct(all, 95), pct(all, 99));
	}

	static double pct(long[] sorted, double p) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
	}

	static long[][] run(int threads, int seconds, Op op) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		long[][] samples = new long[threads][];
		List<Thread> workers = new ArrayList<>();
		Exception[] failure = new Exception[1];
		for (int t = 0; t < threads; t++) {
			int id = t;
			Thread worker = new Thread(() -> {
				long[] mine = new long[1 << 16];
				int n = 0;
				try {
					while (!stop.get()) {
						long s = System.nanoTime();
						op.run(id);
						if (n == mine.length) {
							mine = Arrays.copyOf(mine, n * 2);
						}
						mine[n++] = System.nanoTime() - s;
					}
				}
				catch (Exception e) {
					failure[0] = e;
				}
				samples[id] = Arrays.copyOf(mine, n);
			});
			workers.add(worker);
			worker.start();
		}
		Thread.sleep(seconds * 1000L);
		stop.set(true);
		for (Thread w : workers) {
			w.join();
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		return samples;
	}
}
