package org.labtrust.notifications.internal.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.labtrust.notifications.internal.Inbox;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's inbox: the notices of their body, in their language. */
@RestController
@RequestMapping(path = "/api/v1/inbox", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inbox", description = "Notices to a body (certificate expiry and renewal reminders, ...)")
@SecurityRequirement(name = "apiKey")
class InboxApiController {

	private final Inbox inbox;

	InboxApiController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "The caller's notices, newest first, with the unread count (people only, not API keys)")
	Inbox.Page inbox(@RequestParam(required = false) String before, @RequestParam(required = false) String size,
			Locale locale) {
		Long pageSize = number(size, "size");
		return inbox.page(Actors.current(), number(before, "before"),
				pageSize == null ? null : (int) Math.max(-1, Math.min(pageSize, Inbox.MAX_PAGE_SIZE + 1)), locale);
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark a notice read for the caller (other people of the body keep their own marks)")
	Inbox.Item read(@PathVariable String id, Locale locale) {
		Long notice = number(id, "id");
		if (notice == null) {
			throw DomainException.badRequest("PARAMETER_INVALID", "Not a number: id", "id");
		}
		return inbox.markRead(Actors.current(), notice, locale);
	}

	static Long number(String text, String name) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest("PARAMETER_INVALID", "Not a number: " + name, name);
		}
	}
}
