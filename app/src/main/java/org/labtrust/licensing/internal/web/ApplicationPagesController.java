package org.labtrust.licensing.internal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.labtrust.licensing.ApplicationEvent;
import org.labtrust.licensing.ApplicationState;
import org.labtrust.licensing.ApplicationType;
import org.labtrust.licensing.ChangeItem;
import org.labtrust.licensing.Procedure;
import org.labtrust.licensing.internal.Application;
import org.labtrust.licensing.internal.ApplicationPageQueries;
import org.labtrust.licensing.internal.ApplicationService;
import org.labtrust.licensing.internal.AssessmentTeams;
import org.labtrust.licensing.internal.Attachments;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.web.LanguageLinks;
import org.labtrust.shared.web.ProblemResponses;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The licensing pages. {@code /staff/applications}: a body's applications, an officer's work queue
 * (server-rendered, overdue first, paged), an assessor's tasks. {@code /staff/applications/new}: the
 * application wizard, which opens, fills and submits an application through the JSON API from the
 * browser ({@code js/application-wizard.js}). {@code /staff/applications/{id}}: the status page,
 * with the decision forms of exactly the steps the viewer may take now, which post to the same
 * API ({@code js/application.js}), so that a page and a system are held to the same checks.
 */
@Controller
@RequestMapping("/staff/applications")
class ApplicationPagesController {

	static final String LIST = "licensing/applications";

	static final String WIZARD = "licensing/new";

	static final String STATUS = "licensing/application";

	static final String PROBLEM = "licensing/problem";

	static final int PAGE_SIZE = 100;

	static final int LIST_LIMIT = 200;

	/** Steps that end or go against the application: their button says so. */
	static final Set<ApplicationEvent> ADVERSE = EnumSet.of(ApplicationEvent.DECLINE, ApplicationEvent.REFUSE,
			ApplicationEvent.WITHDRAW, ApplicationEvent.FIND_COMMITMENT_FALSE, ApplicationEvent.FIND_DECLARATION_FALSE);

	/** Types whose application lists the capability applied for, row by row. */
	static final Set<ApplicationType> WITH_SCOPE = EnumSet.of(ApplicationType.FIRST_LICENCE,
			ApplicationType.SCOPE_EXTENSION, ApplicationType.EMERGENCY_EXTENSION);

	/** What an application states a new value for (the API's {@code changes}): every change item, and a site change's address. */
	static final List<String> CHANGE_VALUES = Stream.concat(Stream.of(ChangeItem.values()).map(Enum::name),
			Stream.of(ApplicationService.SITE_ADDRESS)).toList();

	/** Kinds of attachment the wizard and the status page offer. */
	static final List<Attachments.Kind> ATTACHMENT_KINDS = List.of(Attachments.Kind.values());

	/** How a team may assess (the API's {@code mode} of START_ASSESSMENT; left out, the platform chooses). */
	static final List<ApplicationService.AssessmentMode> ASSESSMENT_MODES = List.of(
			ApplicationService.AssessmentMode.values());

	/** A step form of the status page. */
	record ActionForm(String event, boolean noteRequired, boolean adverse) {
	}

	/** A refusal as the page shows it. */
	record Problem(int status, String code, String title, String message) {
	}

	/** A procedure the wizard offers, with the types it is defined for at all. */
	record ProcedureOption(String name, String covers) {
	}

	private final ApplicationService applications;

	private final AssessmentTeams teams;

	private final Attachments attachments;

	private final ApplicationPageQueries queries;

	private final RegistryQueries registry;

	private final MessageSource messages;

	ApplicationPagesController(ApplicationService applications, AssessmentTeams teams, Attachments attachments,
			ApplicationPageQueries queries, RegistryQueries registry, MessageSource messages) {
		this.applications = applications;
		this.teams = teams;
		this.attachments = attachments;
		this.queries = queries;
		this.registry = registry;
		this.messages = messages;
	}

	@ModelAttribute("lang")
	LanguageLinks language(HttpServletRequest request, Locale locale) {
		return LanguageLinks.of(request, locale);
	}

	// --- the lists: a body's applications, the officer's queue, the assessor's tasks

	@GetMapping
	String list(@RequestParam(defaultValue = "1") String page, Model model, HttpServletResponse response) {
		Actor actor = Actors.current();
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		boolean body = actor.bodyId() != null && actor.has(Permission.APPLICATION_SUBMIT);
		boolean officer = ApplicationPageQueries.worksQueue(actor);
		boolean assessor = actor.has(Permission.ASSESSMENT_PERFORM);
		if (!body && !officer && !assessor) {
			throw Actor.forbidden();
		}
		model.addAttribute("isBody", body);
		model.addAttribute("isOfficer", officer);
		model.addAttribute("isAssessor", assessor);
		if (body) {
			model.addAttribute("bodyRef", registry.bodyRef(actor.bodyId()).orElse(null));
			model.addAttribute("own", queries.ofBody(actor.bodyId(), LIST_LIMIT));
		}
		if (officer) {
			int number = pageNumber(page);
			model.addAttribute("queue", queries.queue(actor, number, PAGE_SIZE));
			model.addAttribute("jurisdictionCode", actor.jurisdiction().authorityCode());
			model.addAttribute("dueSoonDays", ApplicationPageQueries.DUE_SOON_WORKING_DAYS);
		}
		if (assessor) {
			model.addAttribute("tasks", queries.tasks(actor.name(), LIST_LIMIT));
		}
		return LIST;
	}

	private static int pageNumber(String page) {
		try {
			int number = Integer.parseInt(page.strip());
			if (number >= 1 && number <= 100_000) {
				return number;
			}
		}
		catch (NumberFormatException e) {
			// refused below
		}
		throw DomainException.badRequest("QUEUE_PAGE_INVALID", "page is a number from 1");
	}

	// --- the wizard

	@GetMapping("/new")
	String wizard(Model model, HttpServletResponse response) {
		Actor actor = Actors.current();
		actor.require(Permission.APPLICATION_SUBMIT);
		if (actor.bodyId() == null) {
			throw Actor.forbidden();
		}
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("bodyRef", registry.bodyRef(actor.bodyId()).orElse(null));
		model.addAttribute("types", List.of(ApplicationType.values()));
		model.addAttribute("withScope", WITH_SCOPE.stream().map(Enum::name).collect(Collectors.joining(",")));
		model.addAttribute("procedures", Arrays.stream(Procedure.values())
			.map(p -> new ProcedureOption(p.name(), Arrays.stream(ApplicationType.values()).filter(p::covers)
				.map(Enum::name).collect(Collectors.joining(","))))
			.toList());
		model.addAttribute("fields", registry.codes().fields());
		model.addAttribute("industries", registry.codes().industries());
		model.addAttribute("changeItems", List.of(ChangeItem.values()));
		model.addAttribute("changeValues", CHANGE_VALUES);
		model.addAttribute("attachmentKinds", ATTACHMENT_KINDS);
		return WIZARD;
	}

	// --- the status page

	@GetMapping("/{id}")
	String status(@PathVariable String id, Model model, HttpServletResponse response) {
		Actor actor = Actors.current();
		long applicationId = parseId(id);
		Application application = applications.visible(actor, applicationId)
			.orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", "No such application"));
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		model.addAttribute("app", application); // not "application": Thymeleaf reserves it for the servlet context
		model.addAttribute("bodyRef", registry.bodyRef(application.bodyId()).orElse(null));
		model.addAttribute("authorityName", registry.codes().isKnownAuthority(application.authorityCode())
				? registry.authorityName(application.authorityCode(), RegistryQueries.isChinese(LocaleContextHolder.getLocale()))
				: application.authorityCode());
		model.addAttribute("history", applications.history(applicationId));
		Integer left = queries.workingDaysLeft(application.dueOn());
		model.addAttribute("workingDaysLeft", left);
		model.addAttribute("overdue", left != null && left < 0);
		Optional<AssessmentTeams.Team> team = teams.team(actor, applicationId);
		List<AssessmentTeams.Member> members = new ArrayList<>();
		team.ifPresent(t -> members.addAll(teams.members(t)));
		model.addAttribute("team", team.orElse(null));
		model.addAttribute("teamReplays", team.map(ApplicationPagesController::replays).orElse(false));
		model.addAttribute("members", members);
		boolean isBody = actor.belongsTo(application.bodyId());
		boolean onTeam = actor.has(Permission.ASSESSMENT_PERFORM) && applications.onTeam(actor, applicationId);
		model.addAttribute("actions", applications.actions(actor, application).stream()
			.map(event -> new ActionForm(event.name(), ApplicationService.needsReasons(event), ADVERSE.contains(event)))
			.toList());
		model.addAttribute("mayDrawTeam", team.isEmpty()
				&& application.state() == AssessmentTeams.drawnIn(application.procedure())
				&& actor.has(Permission.APPLICATION_ACCEPT) && actor.covers(application.authorityCode()));
		model.addAttribute("mayRecordFindings", onTeam && application.state() == ApplicationState.IN_ASSESSMENT);
		model.addAttribute("mayRespond", isBody && application.state() == ApplicationState.RECTIFICATION);
		model.addAttribute("mayUpload", attachments.mayAdd(actor, application));
		model.addAttribute("attachmentKinds", ATTACHMENT_KINDS);
		model.addAttribute("assessmentModes", ASSESSMENT_MODES);
		model.addAttribute("changeValues", CHANGE_VALUES);
		model.addAttribute("events", List.of(ApplicationEvent.values()));
		return STATUS;
	}

	/** Whether the recorded draw replays to the recorded team; a record that cannot be replayed at all does not. */
	private static boolean replays(AssessmentTeams.Team team) {
		try {
			return team.draw().replays();
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static long parseId(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException e) {
			throw DomainException.notFound("APPLICATION_NOT_FOUND", "No such application");
		}
	}

	// --- refusals

	/** A refusal (not found, not allowed, a bad page number): a page saying why, with the refusal's status. */
	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
		HttpStatus status = HttpStatus.resolve(e.status()) == null ? HttpStatus.BAD_REQUEST : HttpStatus.valueOf(e.status());
		ModelAndView page = new ModelAndView(PROBLEM);
		page.addObject("lang", LanguageLinks.of(request, locale));
		page.addObject("problem", new Problem(status.value(), e.code(),
				messages.getMessage("problem." + e.code() + ".title", null, status.getReasonPhrase(), locale),
				messages.getMessage("problem." + e.code(), ProblemResponses.plain(e.args()), e.getMessage(), locale)));
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
		page.setStatus(status);
		return page;
	}
}
