package org.labtrust.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP client acting as one caller: anonymous, a person signed in through the login form
 * (session cookie and CSRF token), or an API key. Redirects are not followed, so that a redirect
 * to the sign-in page can be seen.
 */
public final class Client {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|"
			+ "<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private final int port;

	private final HttpClient http;

	private final String bearer;

	private String csrf;

	private Client(int port, String bearer) {
		this.port = port;
		this.bearer = bearer;
		this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	static Client anonymous(int port) {
		return new Client(port, null);
	}

	public static Client withKey(int port, String key) {
		return new Client(port, key);
	}

	/** Signs in through the form; fails the test unless the sign-in lands on the staff home. */
	public static Client signedIn(int port, String username, String password) {
		Client client = new Client(port, null);
		HttpResponse<String> result = client.signIn(username, password);
		if (result.statusCode() != 302 || !result.headers().firstValue("Location").orElse("").endsWith("/staff")) {
			throw new AssertionError("sign-in of " + username + " failed: " + result.statusCode() + " "
					+ result.headers().firstValue("Location"));
		}
		return client;
	}

	/** Posts the sign-in form as a browser would; answers the raw response. */
	HttpResponse<String> signIn(String username, String password) {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
		String token = token(page.body());
		String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
		HttpResponse<String> result = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		csrf = null;
		return result;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** POSTs JSON, with the session's CSRF token when signed in through the form. */
	HttpResponse<String> postJson(String path, String json) {
		return withJson("POST", path, json);
	}

	/** Sends JSON with the given method, with the session's CSRF token when signed in through the form. */
	public HttpResponse<String> withJson(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		if (bearer == null) {
			request.header("X-CSRF-TOKEN", csrfToken());
		}
		return send(request);
	}

	/** POSTs one file and text fields as multipart/form-data, with the CSRF token when signed in through the form. */
	public HttpResponse<String> postMultipart(String path, String fileField, String filename, byte[] file,
			java.util.Map<String, String> fields) {
		String boundary = "labtrust-" + java.util.UUID.randomUUID();
		var body = new java.io.ByteArrayOutputStream();
		java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (bearer == null) {
			request.header("X-CSRF-TOKEN", csrfToken());
		}
		return send(request);
	}

	/** POSTs JSON without any CSRF token. */
	HttpResponse<String> postJsonWithoutCsrf(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	HttpResponse<String> send(String method, String path, String json) {
		if (path.endsWith("/attachments")) { // an upload of an unknown kind: refused after the checks, nothing kept
			return postMultipart(path, "file", "matrix.pdf", "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
					java.util.Map.of("kind", "MATRIX"));
		}
		return "GET".equals(method) ? get(path) : withJson(method, path, json);
	}

	/** The session's CSRF token, read once from the staff home's meta tag (it lives as long as the session). */
	private String csrfToken() {
		if (csrf == null) {
			csrf = token(send(HttpRequest.newBuilder(uri("/staff")).GET()).body());
		}
		return csrf;
	}

	private static String token(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			return "none";
		}
		return m.group(1) != null ? m.group(1) : m.group(2);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
