package org.labtrust.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The front door: one search box, and a box for checking a certificate number. */
@Controller
class HomePageController {

	@GetMapping("/")
	String home() {
		return "portal/home";
	}
}
