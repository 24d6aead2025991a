package org.labtrust.portal;

import java.util.Locale;

import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A certificate, verdict first: valid, suspended, revoked, cancelled or expired, in colour and in
 * words, then its holder, dates, history and scope. A well-formed number that is not registered
 * answers 404 with a plain statement that it is not on this platform.
 */
@Controller
class CertificatePageController {

	private final RegistryQueries queries;

	private final String publicUrl;

	CertificatePageController(RegistryQueries queries, @Value("${labtrust.public-url}") String publicUrl) {
		this.queries = queries;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
	}

	@GetMapping("/certificates/{number}")
	String certificate(@PathVariable String number, Locale locale, Model model) {
		model.addAttribute("certificate", queries.certificate(number, locale));
		model.addAttribute("publicUrl", publicUrl);
		return "portal/certificate";
	}

	/** The look-up form on the home page: works without JavaScript by redirecting to the page. */
	@GetMapping("/certificates")
	String lookUp(@RequestParam(required = false) String number) {
		if (number == null || number.isBlank()) {
			throw DomainException.badRequest("CERT_NUMBER_INVALID", "certificate number is empty", "");
		}
		String digits = number.replaceAll("[\\s\u3000]+", "");
		return "redirect:" + UriComponentsBuilder.fromPath("/certificates/{number}")
			.encode()
			.buildAndExpand(digits)
			.toUriString();
	}
}
