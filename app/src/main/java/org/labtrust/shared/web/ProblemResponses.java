package org.labtrust.shared.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problems with a stable {@code code}, titled and worded in the caller's language:
 * for controllers (through {@link ProblemAdvice}) and for filters that answer before any
 * controller runs (authentication, rate limits).
 */
@Component
public class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final MessageSource messages;

	private final LocaleResolver locales;

	ProblemResponses(MessageSource messages, LocaleResolver locales) {
		this.messages = messages;
		this.locales = locales;
	}

	public ProblemDetail build(HttpStatus status, String code, Object[] args, String fallback, String instance,
			Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("urn:labtrust:problem:" + code));
		problem.setTitle(messages.getMessage("problem." + code + ".title", null, status.getReasonPhrase(), locale));
		problem.setDetail(messages.getMessage("problem." + code, plain(args), fallback, locale));
		problem.setInstance(URI.create(instance));
		problem.setProperty("code", code);
		return problem;
	}

	/**
	 * Arguments as the user typed them: numbers as plain digits (99999999, 2027), not in the
	 * message format's grouped form (99,999,999, 2,027). For every page and answer that words a
	 * problem.
	 */
	public static Object[] plain(Object[] args) {
		Object[] plain = args.clone();
		for (int i = 0; i < plain.length; i++) {
			if (plain[i] instanceof Number n) {
				plain[i] = n.toString();
			}
		}
		return plain;
	}

	/** Writes a problem straight to the servlet response, for filters outside Spring MVC. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			Object[] args, String fallback) throws IOException {
		ProblemDetail problem = build(status, code, args, fallback, request.getRequestURI(),
				locales.resolveLocale(request));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", problem.getInstance().toString());
		body.put("code", code);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(JSON.writeValueAsBytes(body));
	}
}
