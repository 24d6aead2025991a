package org.labtrust.portal;

import java.util.List;
import java.util.Locale;

import org.labtrust.registry.BodyDetail;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A body: who it is, where it works, its certificates and their scope, which a filter box narrows.
 * The filter is a plain GET parameter; htmx asks for the scope part alone while the person types.
 */
@Controller
class BodyPageController {

	static final String SCOPE_TARGET = "scope-results";

	private final RegistryQueries queries;

	BodyPageController(RegistryQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/bodies/{id}")
	String body(@PathVariable String id, @RequestParam(required = false) String scope,
			@RequestHeader(name = "HX-Target", required = false) String htmxTarget,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore,
			Locale locale, Model model) {
		ScopeFilter filter = ScopeFilter.parse(scope);
		BodyDetail body = queries.body(parseId(id), locale);
		model.addAttribute("body", body);
		model.addAttribute("filter", filter);
		List<ScopeFilter.CertificateScope> certificates = filter.apply(body.certificates());
		model.addAttribute("certificates", certificates);
		model.addAttribute("shown", certificates.stream().mapToInt(c -> c.rows().size()).sum());
		boolean scopeOnly = SCOPE_TARGET.equals(htmxTarget) && historyRestore == null;
		return scopeOnly ? "portal/body :: scope-update" : "portal/body";
	}

	private static long parseId(String id) {
		try {
			return Long.parseLong(id.strip());
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest("BODY_ID_INVALID", "Body id must be a number", id);
		}
	}
}
