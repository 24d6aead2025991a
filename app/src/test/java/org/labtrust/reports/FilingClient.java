package org.labtrust.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.TestClients;
import org.labtrust.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A demo body filing reports through the API with its key, and what tests need around that. */
abstract class FilingClient extends IntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger SERIAL = new AtomicInteger();

	@Autowired
	JdbcClient jdbc;

	TestClients.BodyKey body;

	/** A valid certificate of the body and one of its valid scope rows. */
	record Scope(String certificate, LocalDate issuedOn, String parameter, String method, int line) {
	}

	Scope scope;

	@BeforeEach
	void demoBody() {
		body = TestClients.bodyKey(dataDir(), "gd-body-admin");
		scope = jdbc.sql("""
				select c.number, c.issued_on, s.parameter_name, s.method_code, s.line_no
				from certificate c join scope_row s on s.certificate_id = c.id
				where c.body_id = ? and c.status = 'VALID' and s.status = 'VALID'
				order by c.id, s.line_no limit 1""")
			.param(body.bodyId())
			.query((rs, n) -> new Scope(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
					rs.getString(4), rs.getInt(5)))
			.single();
	}

	static String number() {
		return "BG-T" + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet();
	}

	static String digestOf(String content) {
		try {
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes()));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	String filing(String number, String certificate, String issuedOn, String parameter, String method, String digest) {
		return """
				{"reportNumber": %s, "certificateNumber": %s, "issuedOn": %s,
				 "scope": [{"parameter": %s, "method": %s}], "digest": %s}"""
			.formatted(q(number), q(certificate), q(issuedOn), q(parameter), q(method), q(digest));
	}

	String goodFiling(String number, String content) {
		return filing(number, scope.certificate(), LocalDate.now(ChinaTime.ZONE).minusDays(1).toString(), scope.parameter(),
				scope.method(), digestOf(content));
	}

	static String q(String value) {
		return value == null ? "null" : JSON.writeValueAsString(value);
	}

	HttpResponse<String> post(String path, String json, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		return send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	JsonNode file(String... filings) {
		HttpResponse<String> response = post("/api/v1/reports/filings", "{\"filings\": [" + String.join(",", filings) + "]}",
				body.key());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	byte[] getBytes(String path) {
		HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	/** Sends only the headers of a filing request of the given length; answers what the server said. */
	String declaringLength(int length) throws IOException {
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(("POST /api/v1/reports/filings HTTP/1.1\r\nHost: localhost\r\n"
					+ "Authorization: Bearer " + body.key() + "\r\nContent-Type: application/json\r\nContent-Length: "
					+ length + "\r\n\r\n{\"filings\": [").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			try {
				for (int n; (n = socket.getInputStream().read(buffer)) > 0;) {
					answer.write(buffer, 0, n);
					socket.setSoTimeout(1_000); // the rest of an answer already begun
				}
			}
			catch (java.net.SocketTimeoutException e) {
				// kept open by the server: what arrived is the answer
			}
			return answer.toString(java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/** The latest checkpoint, once it covers the entry at {@code index}. */
	protected String checkpointCovering(long index) {
		Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
			.until(() -> Long.parseLong(get("/log/checkpoint").body().split("\n")[1]) > index);
		return get("/log/checkpoint").body();
	}
}
