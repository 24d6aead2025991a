package org.labtrust.portal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.labtrust.registry.RegistryQueries;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;

/**
 * The language switch every page carries: the page's {@code lang} attribute and links to the same
 * page, with the same parameters, in Chinese and in English ({@code ?lang=}, kept in a cookie).
 */
record LanguageLinks(String htmlLang, boolean english, String zhUrl, String enUrl) {

	private static final UrlPathHelper PATHS = new UrlPathHelper();

	static LanguageLinks of(HttpServletRequest request, Locale locale) {
		boolean english = !RegistryQueries.isChinese(locale);
		return new LanguageLinks(english ? "en" : "zh-CN", english, sameWith(request, "zh-CN"),
				sameWith(request, "en"));
	}

	private static String sameWith(HttpServletRequest request, String lang) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATHS.getPathWithinApplication(request));
		request.getParameterMap().forEach((name, values) -> {
			if (!"lang".equals(name)) {
				for (String value : values) {
					uri.queryParam(name, value);
				}
			}
		});
		uri.queryParam("lang", lang);
		return uri.build().encode().toUriString();
	}
}
