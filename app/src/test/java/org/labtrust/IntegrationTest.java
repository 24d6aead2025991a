package org.labtrust;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that need the running platform: the real embedded PostgreSQL on a fresh data
 * directory, the small demo registry (seeded, so its content is known), the Lucene index and the
 * HTTP server on a random port. All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "labtrust.demo.scale=SMALL", "labtrust.demo.load=ALWAYS", "labtrust.embedded-db.fsync=false",
				// scheduled licensing checks run when a test calls them, not on the wall clock
				"labtrust.licensing.overdue-check=-", "labtrust.registry.expiry.cron=-",
				"labtrust.registry.expiry.startup-delay=3650d",
				// tests come from localhost, which is exempt; RateLimitTest comes from other loopback addresses
				"labtrust.identity.rate-limit.exempt=127.0.0.1,0:0:0:0:0:0:0:1",
				"labtrust.identity.rate-limit.public-per-minute=20", "labtrust.identity.rate-limit.login-per-minute=5" })
public abstract class IntegrationTest {

	/** One fresh directory per test JVM, so the demo data loads once and the context is shared. */
	private static final Path DATA_DIR = freshDataDir();

	@LocalServerPort
	protected int port;

	protected final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("labtrust.data-dir", DATA_DIR::toString);
	}

	/** The data directory of this test JVM's platform (demo-credentials.json lies there). */
	protected static Path dataDir() {
		return DATA_DIR;
	}

	/** The address of a page, as a browser opens it. */
	protected String url(String pathAndQuery) {
		return uri(pathAndQuery).toString();
	}

	protected URI uri(String pathAndQuery) {
		return URI.create("http://localhost:" + port + pathAndQuery);
	}

	/** GET with the given Accept-Language (null for none). */
	protected HttpResponse<String> get(String pathAndQuery, String acceptLanguage) {
		return get(pathAndQuery, acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage));
	}

	/** GET with the given request headers. */
	protected HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
		headers.forEach(request::header);
		return send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends a request, turning the checked exceptions of the HTTP client into unchecked ones. */
	protected <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return http.send(request, body);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	protected HttpResponse<String> get(String pathAndQuery) {
		return get(pathAndQuery, Map.of());
	}

	/** Under target/, so that {@code mvn clean} removes it. */
	private static Path freshDataDir() {
		try {
			Path parent = Files.createDirectories(Path.of("target", "it-data"));
			return Files.createTempDirectory(parent.toAbsolutePath(), "labtrust-it-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
