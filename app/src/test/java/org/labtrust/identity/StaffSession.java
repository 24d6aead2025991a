package org.labtrust.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser-like client for the staff pages over plain HTTP: keeps cookies (the session), follows
 * no redirects by itself so that tests see them, and signs in through the real form with its CSRF
 * token.
 */
final class StaffSession {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** What a browser asks for, so that error pages come as HTML. */
	private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private final int port;

	private final HttpClient http;

	StaffSession(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	URI uri(String pathAndQuery) {
		return pathAndQuery.startsWith("http") ? URI.create(pathAndQuery)
				: URI.create("http://localhost:" + port + pathAndQuery);
	}

	HttpResponse<String> get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", ACCEPT).GET().build());
	}

	/**
	 * Posts a form as a browser would, fields in order; a field whose value is a list is sent once
	 * per value, as ticked checkboxes are.
	 */
	HttpResponse<String> post(String path, Map<String, ?> fields) {
		String body = fields.entrySet()
			.stream()
			.flatMap(e -> (e.getValue() instanceof Collection<?> values ? values.stream() : Stream.of(e.getValue()))
				.map(value -> enc(e.getKey()) + "=" + enc(String.valueOf(value))))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", ACCEPT)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Posts a form with the CSRF token of the page it is on. */
	HttpResponse<String> postFrom(String page, String path, Map<String, ?> fields) {
		Map<String, Object> withToken = new LinkedHashMap<>();
		withToken.put("_csrf", csrf(page));
		withToken.putAll(fields);
		return post(path, withToken);
	}

	/** Follows one redirect (a GET of its Location). */
	HttpResponse<String> follow(HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).as("a redirect").isIn(301, 302, 303);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		return get(redirect.uri().resolve(location).toString());
	}

	/** Signs in with the form at /login; answers the page it lands on (the staff home). */
	HttpResponse<String> signIn(String username, String password) {
		HttpResponse<String> form = get("/login");
		assertThat(form.statusCode()).isEqualTo(200);
		HttpResponse<String> posted = postFrom(form.body(), "/login", Map.of("username", username, "password", password));
		assertThat(posted.statusCode()).as("sign-in of " + username + " redirects").isEqualTo(302);
		assertThat(posted.headers().firstValue("Location")).as("sign-in of " + username + " succeeds")
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		HttpResponse<String> landed = follow(posted);
		assertThat(landed.statusCode()).as(landed.uri() + " after sign-in").isEqualTo(200);
		return landed;
	}

	static String csrf(String html) {
		Matcher m = CSRF_INPUT.matcher(html);
		assertThat(m.find()).as("the page has a form with a CSRF token").isTrue();
		return m.group(1);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
