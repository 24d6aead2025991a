package org.labtrust.identity.internal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.labtrust.shared.web.LanguageLinks;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the sign-in and staff pages share with the public pages: the {@code lang} model attribute
 * of the layout. The portal's own advice only serves the portal's controllers.
 */
@ControllerAdvice(assignableTypes = { SignInPageController.class, StaffPagesController.class })
class StaffPageAdvice {

	@ModelAttribute("lang")
	LanguageLinks language(HttpServletRequest request, Locale locale) {
		return LanguageLinks.of(request, locale);
	}
}
