package org.labtrust.shared.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/**
 * The language switch every page carries, which the layout reads as {@code lang}: the page's
 * {@code lang} attribute and links to the same page, with the same query, in Chinese and in
 * English ({@code ?lang=}, kept in a cookie). Only the query string is carried over, never a
 * posted form (which may hold a CSRF token or a key label), so that the links of a page answering
 * a POST are plain GETs.
 */
public record LanguageLinks(String htmlLang, boolean english, String zhUrl, String enUrl) {

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	public static LanguageLinks of(HttpServletRequest request, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		return new LanguageLinks(english ? "en" : "zh-CN", english, sameWith(request, "zh-CN"), sameWith(request, "en"));
	}

	/** For a page that answers a POST to an address that takes no GET: links to the page at {@code path}. */
	public static LanguageLinks at(String path, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		return new LanguageLinks(english ? "en" : "zh-CN", english, path + "?lang=zh-CN", path + "?lang=en");
	}

	private static String sameWith(HttpServletRequest request, String lang) {
		StringJoiner query = new StringJoiner("&", PATHS.getPathWithinApplication(request) + "?", "");
		String raw = request.getQueryString();
		if ("GET".equals(request.getMethod()) && raw != null) {
			for (String pair : raw.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int eq = pair.indexOf('=');
				String name = decode(eq < 0 ? pair : pair.substring(0, eq));
				if (!"lang".equals(name) && !"_csrf".equals(name)) {
					// decoded and encoded again, so that whatever was typed comes back as a well-formed link
					query.add(eq < 0 ? encode(name) : encode(name) + "=" + encode(decode(pair.substring(eq + 1))));
				}
			}
		}
		query.add("lang=" + lang);
		return query.toString();
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return text; // a malformed escape: kept as typed
		}
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
