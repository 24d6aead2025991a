package org.labtrust.notifications.internal.web;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.labtrust.notifications.internal.Inbox;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.web.LanguageLinks;
import org.labtrust.shared.web.ProblemResponses;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inbox page: the notices of the person's body, newest first, each marked read with one button. */
@Controller
@RequestMapping("/staff/inbox")
class InboxPageController {

	static final String VIEW = "notifications/inbox";

	private static final DateTimeFormatter CHINESE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm");

	private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

	private final Inbox inbox;

	private final MessageSource messages;

	InboxPageController(Inbox inbox, MessageSource messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	/** A refusal as the page shows it (the staff pages' problem fragment). */
	record Problem(int status, String code, String title, String message, String next) {
	}

	/** A notice as the page shows it: its time in China time, written the reader's way. */
	record Row(Inbox.Item item, String time) {
	}

	/** The layout's language switch. */
	@ModelAttribute("lang")
	LanguageLinks language(HttpServletRequest request, Locale locale) {
		return LanguageLinks.of(request, locale);
	}

	@GetMapping
	String page(@RequestParam(required = false) String before, Model model, Locale locale,
			HttpServletResponse response) {
		model.addAttribute("rows", List.of());
		model.addAttribute("unread", 0L);
		try {
			Inbox.Page page = inbox.page(Actors.current(), InboxApiController.number(before, "before"), null, locale);
			model.addAttribute("rows", page.items().stream().map(i -> new Row(i, time(i.createdAt(), locale))).toList());
			model.addAttribute("unread", page.unread());
			model.addAttribute("nextUrl", page.nextBefore() == null ? null : "/staff/inbox?before=" + page.nextBefore());
			model.addAttribute("firstUrl", before == null || before.isBlank() ? null : "/staff/inbox");
			model.addAttribute("hasBody", Actors.current().bodyId() != null);
		}
		catch (DomainException e) {
			return problem(e, model, response, locale);
		}
		return VIEW;
	}

	@PostMapping("/{id}/read")
	String read(@PathVariable String id, @RequestParam(required = false) String before, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Long notice = InboxApiController.number(id, "id");
			if (notice == null) {
				throw DomainException.badRequest("PARAMETER_INVALID", "Not a number: id", "id");
			}
			inbox.markRead(Actors.current(), notice, locale);
			redirect.addFlashAttribute("markedRead", notice);
			if (before != null && !before.isBlank()) {
				redirect.addAttribute("before", before.strip());
			}
			return "redirect:/staff/inbox";
		}
		catch (DomainException e) {
			// this address takes only POST: the language switch goes to the inbox
			model.addAttribute("lang", LanguageLinks.at("/staff/inbox", locale));
			model.addAttribute("rows", List.of());
			model.addAttribute("unread", inbox.unreadCount(Actors.current()));
			model.addAttribute("hasBody", Actors.current().bodyId() != null);
			return problem(e, model, response, locale);
		}
	}

	private static String time(Instant instant, Locale locale) {
		ZonedDateTime at = instant.atZone(ChinaTime.ZONE);
		return "zh".equals(locale.getLanguage()) ? at.format(CHINESE_TIME) : at.format(ENGLISH_TIME);
	}

	private String problem(DomainException e, Model model, HttpServletResponse response, Locale locale) {
		HttpStatus status = HttpStatus.resolve(e.status()) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(e.status());
		String title = messages.getMessage("problem." + e.code() + ".title", null,
				messages.getMessage("inbox.problem.title", null, status.getReasonPhrase(), locale), locale);
		String message = messages.getMessage("problem." + e.code(), ProblemResponses.plain(e.args()), e.code(), locale);
		String next = messages.getMessage("inbox.problem.next." + status.value(), null,
				messages.getMessage("inbox.problem.next", null, "", locale), locale);
		response.setStatus(status.value());
		model.addAttribute("problem", new Problem(status.value(), e.code(), title, message, next));
		return VIEW;
	}
}
