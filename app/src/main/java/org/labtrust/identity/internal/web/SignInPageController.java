package org.labtrust.identity.internal.web;

import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (form, plus the province's identity provider when one is configured). */
@Controller
class SignInPageController {

	private final ObjectProvider<InMemoryClientRegistrationRepository> oidc;

	SignInPageController(ObjectProvider<InMemoryClientRegistrationRepository> oidc) {
		this.oidc = oidc;
	}

	@GetMapping("/login")
	String signIn(Model model) {
		Actor actor = Actors.current();
		if (!actor.isAnonymous()) {
			return "redirect:/staff";
		}
		InMemoryClientRegistrationRepository registrations = oidc.getIfAvailable();
		java.util.List<ClientRegistration> providers = new java.util.ArrayList<>();
		if (registrations != null) {
			registrations.forEach(providers::add);
		}
		model.addAttribute("providers", providers);
		return "identity/login";
	}
}
