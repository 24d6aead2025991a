package org.labtrust.portal;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.web.LanguageLinks;
import org.labtrust.shared.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every portal page shares: the language switch, and errors answered as a page in the
 * person's language with the right status and a way to go on (search again, check the number).
 * A refusal of the registry ({@link DomainException}) shows its {@code problem.<code>} message; any
 * other failure shows a general message and is logged, never shown.
 */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
class PortalAdvice {

	private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

	private final MessageSource messages;

	PortalAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ModelAttribute("lang")
	LanguageLinks language(HttpServletRequest request, Locale locale) {
		return LanguageLinks.of(request, locale);
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		return page(HttpStatus.valueOf(e.status()), e.code(), e.args(), e.getMessage(), request, response, locale);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		log.error("Unexpected failure on page {} {}", request.getMethod(), request.getRequestURI(), e);
		return page(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", new Object[0], "Internal error", request,
				response, locale);
	}

	private ModelAndView page(HttpStatus status, String code, Object[] args, String fallback,
			HttpServletRequest request, HttpServletResponse response, Locale locale) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		ModelAndView page = new ModelAndView("portal/error", status);
		page.addObject("lang", LanguageLinks.of(request, locale));
		page.addObject("status", status.value());
		page.addObject("code", code);
		page.addObject("problemTitle",
				messages.getMessage("problem." + code + ".title", null, status.getReasonPhrase(), locale));
		page.addObject("problemMessage",
				messages.getMessage("problem." + code, ProblemResponses.plain(args), fallback, locale));
		page.addObject("certificateNotFound", "CERT_NOT_FOUND".equals(code));
		page.addObject("certificateLookup", code.startsWith("CERT_"));
		// the number as typed, so that it can be corrected in the look-up box
		page.addObject("number", code.startsWith("CERT_") && args.length > 0 ? String.valueOf(args[0]) : "");
		String q = request.getParameter("q");
		page.addObject("q", q != null && q.length() <= 200 ? q : "");
		return page;
	}
}
