package org.labtrust.licensing.internal.web;

import java.net.URI;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.labtrust.licensing.ApplicationEvent;
import org.labtrust.licensing.ApplicationType;
import org.labtrust.licensing.ChangeItem;
import org.labtrust.licensing.Procedure;
import org.labtrust.licensing.StatutoryClock;
import org.labtrust.licensing.internal.Application;
import org.labtrust.licensing.internal.ApplicationService;
import org.labtrust.licensing.internal.AssessmentTeams;
import org.labtrust.licensing.internal.Attachments;
import org.labtrust.licensing.internal.ClockReading;
import org.labtrust.licensing.internal.Findings;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Licensing applications: bodies open and submit them; officers and assessors take them through. */
@RestController
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Licensing applications", description = "资质认定 applications through the statutory procedures")
class ApplicationApiController {

	/** Optional fields may be left out (a boxed Boolean: Jackson 3 refuses a missing primitive). */
	record Opening(ApplicationType type, Procedure procedure, Set<String> fieldCodes, Boolean specialFoods,
			Set<ChangeItem> changeItems, String certificateNumber, String industryCode,
			List<ApplicationService.ScopeRequest> scope, Map<String, String> changes, Boolean commitmentSigned) {
	}

	/** Whether a procedure is open to the caller's body, and if not, why. */
	record ProcedureChoice(Procedure procedure, boolean open, List<Refusal> refusals) {
	}

	record Refusal(String code, String message) {
	}

	record NewFinding(String clause, String description, String evidence, Boolean nonconformity) {
	}

	record Response(String response) {
	}


	/** {@code mode}: START_ASSESSMENT only, ON_SITE, REMOTE or DOCUMENTS. */
	record Act(String event, String note, ApplicationService.AssessmentMode mode) {
	}

	/** {@code sources}: public numbers fixed before they were known, e.g. {@code 9319/2.5.8.10.12}. */
	record Draw(String sources, Integer size) {
	}

	/** A recorded draw; {@code replays} is recomputed on every read. */
	record TeamView(long applicationId, String sources, String key, List<String> pool, List<String> team,
			String leader, java.util.Map<String, String> excluded, String drawnBy, boolean replays,
			List<AssessmentTeams.Member> members) {
	}

	/**
	 * An application with where its clock stands: due date and working days left (negative:
	 * overdue), the stops while it waited for the applicant, the overall working days the authority
	 * has used (technical assessment not counted), and what the caller may do now.
	 */
	record View(Application application, LocalDate dueOn, Integer workingDaysLeft, boolean overdue,
			List<Application.Event> history, List<Application.ScopeLine> scope,
			List<Attachments.Attachment> attachments, List<Findings.Finding> findings, List<ClockReading.Stop> stops,
			Integer authorityWorkingDaysUsed, List<String> actions) {
	}

	private final ApplicationService applications;

	private final AssessmentTeams teams;

	private final StatutoryClock statutory;

	private final Attachments attachments;

	private final Findings findings;

	private final MessageSource messages;

	private final java.time.Clock clock;

	ApplicationApiController(ApplicationService applications, AssessmentTeams teams, StatutoryClock statutory,
			Attachments attachments, Findings findings, MessageSource messages, java.time.Clock clock) {
		this.applications = applications;
		this.teams = teams;
		this.statutory = statutory;
		this.attachments = attachments;
		this.findings = findings;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Open an application for the caller's body under a procedure the law allows it")
	ResponseEntity<View> open(@RequestBody Opening request) {
		Application opened = applications.open(Actors.current(), new ApplicationService.NewApplication(request.type(),
				request.procedure(), request.fieldCodes(), Boolean.TRUE.equals(request.specialFoods()), request.changeItems(),
				request.certificateNumber(), request.industryCode(), request.scope(), request.changes(),
				Boolean.TRUE.equals(request.commitmentSigned())));
		return ResponseEntity.created(URI.create("/api/v1/applications/" + opened.id())).body(view(opened, false));
	}

	@GetMapping("/procedures")
	@Operation(summary = "Which procedures are open to the caller's body for such an application, and why the others are not")
	List<ProcedureChoice> procedures(@RequestParam ApplicationType type,
			@RequestParam(defaultValue = "") Set<String> fieldCodes,
			@RequestParam(defaultValue = "false") boolean specialFoods,
			@RequestParam(defaultValue = "") Set<ChangeItem> changeItems,
			@RequestParam(required = false) String certificateNumber, Locale locale) {
		return applications.procedures(Actors.current(), type, fieldCodes, specialFoods, changeItems, certificateNumber)
			.entrySet()
			.stream()
			.map(e -> new ProcedureChoice(e.getKey(), e.getValue().isEmpty(), e.getValue().stream()
				.map(code -> new Refusal(code, messages.getMessage("problem." + code, null, code, locale)))
				.toList()))
			.toList();
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Add a document (PDF, OFD, PNG or JPEG); kept with its SHA-256")
	ResponseEntity<Attachments.Attachment> attach(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam("kind") String kind) throws java.io.IOException {
		Attachments.Attachment added = attachments.add(Actors.current(), id, kind, file.getOriginalFilename(),
				file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/attachments/" + added.id()))
			.body(added);
	}

	@GetMapping(path = "/{id}/attachments/{attachmentId}", produces = MediaType.ALL_VALUE)
	@Operation(summary = "A document as uploaded")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		Attachments.Content content = attachments.content(Actors.current(), id, attachmentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.attachment().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(content.attachment().filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Digest", "sha-256=" + java.util.Base64.getEncoder()
				.encodeToString(java.util.HexFormat.of().parseHex(content.attachment().sha256())))
			.body(content.bytes());
	}

	@PostMapping(path = "/{id}/findings", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The assessment team records a finding with its evidence (a nonconformity needs rectification)")
	ResponseEntity<Findings.Finding> finding(@PathVariable long id, @RequestBody NewFinding request) {
		Findings.Finding finding = findings.record(Actors.current(), id, request.clause(), request.description(),
				request.evidence(), Boolean.TRUE.equals(request.nonconformity()));
		return ResponseEntity.created(URI.create("/api/v1/applications/" + id + "/findings/" + finding.id()))
			.body(finding);
	}

	@PostMapping(path = "/{id}/findings/{findingId}/response", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The body answers a nonconformity during rectification")
	Findings.Finding respond(@PathVariable long id, @PathVariable long findingId, @RequestBody Response request) {
		return findings.respond(Actors.current(), id, findingId, request.response());
	}

	@GetMapping("/{id}")
	@Operation(summary = "An application, its clock and its history")
	View get(@PathVariable long id) {
		return view(applications.visible(Actors.current(), id)
			.orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", "No such application")), true);
	}

	@PostMapping(path = "/{id}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Take a step: SUBMIT, REQUEST_CORRECTION, RESUBMIT, ACCEPT, DECLINE, START_ASSESSMENT, ...")
	View act(@PathVariable long id, @RequestBody Act request) {
		// Not found before malformed: another province's application must not show that it exists.
		applications.visible(Actors.current(), id)
			.orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", "No such application"));
		ApplicationEvent event;
		try {
			event = ApplicationEvent.valueOf(String.valueOf(request.event()));
		}
		catch (IllegalArgumentException e) {
			throw DomainException.badRequest("APPLICATION_EVENT_INVALID", "Unknown event " + request.event(),
					String.valueOf(request.event()));
		}
		return view(applications.act(Actors.current(), id, event, request.note(), request.mode()), true);
	}

	@PostMapping(path = "/{id}/team", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Acceptance officers: draw the assessment team of an accepted application (RFC 3797, replayable)")
	TeamView drawTeam(@PathVariable long id, @RequestBody Draw request) {
		return teamView(teams.draw(Actors.current(), id, request.sources(), request.size() == null ? 2 : request.size()));
	}

	@GetMapping("/{id}/team")
	@Operation(summary = "The recorded team draw, with everything needed to replay it")
	TeamView team(@PathVariable long id) {
		return teamView(teams.team(Actors.current(), id)
			.orElseThrow(() -> DomainException.notFound("ASSESSMENT_TEAM_NOT_FOUND", "No team drawn for this application")));
	}

	private TeamView teamView(AssessmentTeams.Team team) {
		var draw = team.draw();
		return new TeamView(team.applicationId(), team.sources(), draw.key(), draw.pool(), draw.team(), draw.leader(),
				draw.excluded(), team.drawnBy(), draw.replays(), teams.members(team));
	}

	@GetMapping
	@Operation(summary = "Officers: open applications of their jurisdiction, soonest due first; bodies: their own")
	List<View> queue(@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > 1000) {
			throw DomainException.badRequest("PAGE_INVALID", "limit is 1 to 1000");
		}
		return applications.queue(Actors.current(), limit).stream().map(a -> view(a, false)).toList();
	}

	private View view(Application application, boolean whole) {
		LocalDate today = LocalDate.now(clock);
		Integer left = statutory.workingDaysLeft(today, application.dueOn());
		if (!whole) {
			return new View(application, application.dueOn(), left, left != null && left < 0, List.of(), List.of(),
					List.of(), List.of(), List.of(), null, List.of());
		}
		List<Application.Event> history = applications.history(application.id());
		ClockReading reading = ClockReading.of(history, today, statutory);
		return new View(application, application.dueOn(), left, left != null && left < 0, history,
				applications.scope(application.id()), attachments.list(application.id()), findings.list(application.id()),
				reading.stops(), reading.authorityWorkingDays(),
				applications.actions(Actors.current(), application).stream().map(Enum::name).toList());
	}
}
