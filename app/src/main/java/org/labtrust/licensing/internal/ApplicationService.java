package org.labtrust.licensing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.labtrust.licensing.ApplicationEvent;
import org.labtrust.licensing.ApplicationState;
import org.labtrust.licensing.ApplicationType;
import org.labtrust.licensing.ChangeItem;
import org.labtrust.licensing.Lifecycle;
import org.labtrust.licensing.Procedure;
import org.labtrust.licensing.ProcedureRules;
import org.labtrust.licensing.StatutoryClock;
import org.labtrust.licensing.Step;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.StandardCode;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applications: a body opens one under a procedure the law allows it, and every step after that is
 * an event of the procedure's state machine ({@link Lifecycle}), taken by whoever the step belongs
 * to, on the statutory working-day clock. Each event is on the audit trail and in the
 * application's own history.
 */
@Service
public class ApplicationService {

	/** Who takes which event: the body, the acceptance officer, the assessment team, the decision officer. */
	private static final Map<ApplicationEvent, Permission> PERMISSION = Map.ofEntries(
			Map.entry(ApplicationEvent.SUBMIT, Permission.APPLICATION_SUBMIT),
			Map.entry(ApplicationEvent.RESUBMIT, Permission.APPLICATION_SUBMIT),
			Map.entry(ApplicationEvent.RECTIFY, Permission.APPLICATION_SUBMIT),
			Map.entry(ApplicationEvent.WITHDRAW, Permission.APPLICATION_SUBMIT),
			Map.entry(ApplicationEvent.REQUEST_CORRECTION, Permission.APPLICATION_ACCEPT),
			Map.entry(ApplicationEvent.ACCEPT, Permission.APPLICATION_ACCEPT),
			Map.entry(ApplicationEvent.DECLINE, Permission.APPLICATION_ACCEPT),
			Map.entry(ApplicationEvent.START_ASSESSMENT, Permission.ASSESSMENT_PERFORM),
			Map.entry(ApplicationEvent.REQUEST_RECTIFICATION, Permission.ASSESSMENT_PERFORM),
			Map.entry(ApplicationEvent.CONCLUDE_ASSESSMENT, Permission.ASSESSMENT_PERFORM),
			Map.entry(ApplicationEvent.APPROVE, Permission.APPLICATION_DECIDE),
			Map.entry(ApplicationEvent.REFUSE, Permission.APPLICATION_DECIDE),
			Map.entry(ApplicationEvent.ISSUE, Permission.APPLICATION_DECIDE),
			Map.entry(ApplicationEvent.CONFIRM_COMMITMENT, Permission.APPLICATION_DECIDE),
			Map.entry(ApplicationEvent.FIND_COMMITMENT_FALSE, Permission.APPLICATION_DECIDE),
			Map.entry(ApplicationEvent.CHECK, Permission.APPLICATION_DECIDE),
			Map.entry(ApplicationEvent.FIND_DECLARATION_FALSE, Permission.APPLICATION_DECIDE));

	private static final String COLUMNS = """
			id, body_id, authority_code, type, procedure, state, field_codes, special_foods, change_items,
			certificate_number, step, step_began_on, paused_working_days, waiting_since, due_on, due_unknown, created_at,
			updated_at, version, industry_code, changes, commitment_signed_at, rectification_due_on,
			issued_certificate_number, assessment_mode""";

	/** The key of a site change's new address in {@link NewApplication#changes}. */
	public static final String SITE_ADDRESS = "SITE_ADDRESS";

	/** Events whose note carries the reasons or the list the law requires: it may not be empty. */
	private static final Set<ApplicationEvent> NEED_REASONS = Set.of(ApplicationEvent.REQUEST_CORRECTION,
			ApplicationEvent.DECLINE, ApplicationEvent.REFUSE, ApplicationEvent.CONCLUDE_ASSESSMENT,
			ApplicationEvent.FIND_COMMITMENT_FALSE, ApplicationEvent.FIND_DECLARATION_FALSE);

	/** Scope rows one application may ask for. */
	static final int MAX_SCOPE_ROWS = 5000;

	/** Characters of a scope cell, a change value or a note. */
	static final int MAX_TEXT = 4000;

	/** One row of scope applied for; {@code fieldCode} may be left out when one field is applied for. */
	public record ScopeRequest(String fieldCode, String objectName, String parameterName, String methodCode,
			String limitation) {
	}

	/**
	 * What a body asks for when it opens an application.
	 *
	 * @param industryCode the industry authority of a new certificate (digits 7-8); 34 other when left out
	 * @param scope the rows a first licence or an extension asks for
	 * @param changes new values by change item (and {@link #SITE_ADDRESS} for a site change)
	 * @param commitmentSigned the body signs the statutory commitment (needed to submit under COMMITMENT)
	 */
	public record NewApplication(ApplicationType type, Procedure procedure, Set<String> fieldCodes, boolean specialFoods,
			Set<ChangeItem> changeItems, String certificateNumber, String industryCode, List<ScopeRequest> scope,
			Map<String, String> changes, boolean commitmentSigned) {

		/** An application without scope, changes or commitment. */
		public NewApplication(ApplicationType type, Procedure procedure, Set<String> fieldCodes, boolean specialFoods,
				Set<ChangeItem> changeItems, String certificateNumber) {
			this(type, procedure, fieldCodes, specialFoods, changeItems, certificateNumber, null, List.of(), Map.of(),
					false);
		}
	}

	private final JdbcClient jdbc;

	private final RegistryQueries registry;

	private final StatutoryClock statutory;

	private final AuditTrail audit;

	private final Eligibility eligibility;

	private final Decisions decisions;

	private final JsonMapper json;

	private final Clock clock;

	ApplicationService(JdbcClient jdbc, RegistryQueries registry, StatutoryClock statutory, AuditTrail audit,
			Eligibility eligibility, Decisions decisions, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.statutory = statutory;
		this.audit = audit;
		this.eligibility = eligibility;
		this.decisions = decisions;
		this.json = json;
		this.clock = clock;
	}

	/** Opens a draft for the actor's body, if the chosen procedure is open to it. */
	@Transactional
	public Application open(Actor actor, NewApplication request) {
		actor.require(Permission.APPLICATION_SUBMIT);
		if (actor.bodyId() == null) {
			throw Actor.forbidden();
		}
		if (request.type() == null || request.procedure() == null) {
			throw DomainException.badRequest("APPLICATION_INVALID", "type and procedure are required");
		}
		LocalDate today = LocalDate.now(clock);
		eligibility.barredUntil(actor.bodyId(), today).ifPresent(until -> {
			throw new DomainException("LICENSING_BARRED", 422, "The body may not apply before " + until, until);
		});
		Set<String> fields = request.fieldCodes() == null ? Set.of() : request.fieldCodes();
		for (String field : fields) {
			if (field == null || registry.codes().field(field).isEmpty()) {
				throw DomainException.badRequest("FIELD_CODE_INVALID", "Unknown professional field " + field,
						String.valueOf(field));
			}
		}
		if (fields.isEmpty() && Decisions.needsScope(request.type())) {
			throw DomainException.badRequest("FIELD_CODES_REQUIRED", "Name the professional fields applied for");
		}
		String industry = request.industryCode() == null ? "34" : request.industryCode();
		if (registry.codes().industry(industry).isEmpty()) {
			throw DomainException.badRequest("INDUSTRY_CODE_INVALID", "Unknown industry authority " + industry, industry);
		}
		CmaNumber concerned = certificateNumber(request.certificateNumber());
		String certificate = concerned == null ? null : concerned.value();
		eligibility.checkCertificate(actor.bodyId(), request.type(), certificate);
		Set<ChangeItem> items = request.changeItems() == null ? Set.of() : request.changeItems();
		if (items.stream().anyMatch(java.util.Objects::isNull)) {
			throw DomainException.badRequest("APPLICATION_INVALID", "changeItems holds an empty item");
		}
		List<String> refusals = ProcedureRules.refusals(request.procedure(), eligibility.applicant(actor.bodyId(),
				request.type(), fields, request.specialFoods(), items, certificate), today);
		if (!refusals.isEmpty()) {
			throw new DomainException(refusals.get(0), 422, "Procedure not open: " + refusals);
		}
		Map<String, String> changes = changes(request.type(), items,
				request.changes() == null ? Map.of() : request.changes());
		List<Application.ScopeLine> scope = scope(request.type(), fields,
				request.scope() == null ? List.of() : request.scope());
		// the authority of the certificate concerned (digits 3-4), else of the body (its certificates' or its province's)
		String authority = concerned != null ? concerned.authorityCode()
				: registry.bodyAuthorities(actor.bodyId()).stream().findFirst()
					.orElseThrow(() -> DomainException.notFound("BODY_NOT_FOUND", "No such body"));
		var now = SqlTime.utc(clock.instant());
		boolean signed = request.commitmentSigned() && request.procedure() == Procedure.COMMITMENT;
		long id = jdbc.sql("""
				insert into application (body_id, authority_code, type, procedure, state, field_codes, special_foods,
				                         change_items, certificate_number, industry_code, changes,
				                         commitment_signed_at, commitment_signed_by, created_at, updated_at)
				values (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) returning id""")
			.params(actor.bodyId(), authority, request.type().name(), request.procedure().name(),
					String.join(",", fields.stream().sorted().toList()), request.specialFoods(),
					items.stream().map(Enum::name).sorted().collect(Collectors.joining(",")), certificate, industry,
					encodeChanges(changes), signed ? now : null, signed ? actor.name() : null, now, now)
			.query(Long.class)
			.single();
		for (Application.ScopeLine line : scope) {
			jdbc.sql("""
					insert into application_scope (application_id, line_no, field_code, object_name, parameter_name,
					                               method_code, limitation)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, line.lineNo(), line.fieldCode(), line.objectName(), line.parameterName(), line.methodCode(),
						line.limitation())
				.update();
		}
		audit.record(new AuditTrail.Entry("application.open", "application", Long.toString(id), authority,
				Map.of("type", request.type().name(), "procedure", request.procedure().name(), "scopeRows",
						Integer.toString(scope.size()), "commitmentSigned", Boolean.toString(signed))));
		return find(id).orElseThrow();
	}

	/** Which procedures are open to the actor's body for such an application, and why the others are not. */
	public Map<Procedure, List<String>> procedures(Actor actor, ApplicationType type, Set<String> fields,
			boolean specialFoods, Set<ChangeItem> changes, String certificateNumber) {
		actor.require(Permission.APPLICATION_SUBMIT);
		if (actor.bodyId() == null) {
			throw Actor.forbidden();
		}
		CmaNumber concerned = certificateNumber(certificateNumber);
		var applicant = eligibility.applicant(actor.bodyId(), type, fields, specialFoods, changes,
				concerned == null ? null : concerned.value());
		LocalDate today = LocalDate.now(clock);
		Map<Procedure, List<String>> answer = new java.util.EnumMap<>(Procedure.class);
		for (Procedure procedure : Procedure.values()) {
			answer.put(procedure, ProcedureRules.refusals(procedure, applicant, today));
		}
		return answer;
	}

	/** The certificate an application names, or null when it names none. */
	private CmaNumber certificateNumber(String raw) {
		return raw == null || raw.isBlank() ? null : CmaNumber.parse(raw, registry.codes());
	}

	/** The change values: each item asked for has one, within limits; nothing else. */
	private static Map<String, String> changes(ApplicationType type, Set<ChangeItem> items, Map<String, String> given) {
		Set<String> allowed = new java.util.HashSet<>();
		if (type == ApplicationType.CHANGE) {
			items.forEach(item -> allowed.add(item.name()));
		}
		if (type == ApplicationType.SITE_CHANGE) {
			allowed.add(SITE_ADDRESS);
		}
		Map<String, String> changes = new java.util.TreeMap<>();
		for (var entry : given.entrySet()) {
			if (!allowed.contains(entry.getKey())) {
				throw DomainException.badRequest("CHANGE_ITEM_UNEXPECTED",
						"No change item " + entry.getKey() + " in this application", entry.getKey());
			}
			changes.put(entry.getKey(), text("changes." + entry.getKey(), entry.getValue(), MAX_TEXT));
		}
		for (String item : allowed) {
			if (!changes.containsKey(item)) {
				throw DomainException.badRequest("CHANGE_VALUE_MISSING", "The new value of " + item + " is missing", item);
			}
		}
		if (changes.containsKey(ChangeItem.TEST_ITEM_CANCELLED.name())) {
			Decisions.lineNumbers(changes.get(ChangeItem.TEST_ITEM_CANCELLED.name()));
		}
		return changes;
	}

	/** The scope rows: required where the decision licenses scope, each complete, method a standard code. */
	private static List<Application.ScopeLine> scope(ApplicationType type, Set<String> fields,
			List<ScopeRequest> rows) {
		if (!Decisions.needsScope(type)) {
			if (!rows.isEmpty()) {
				throw DomainException.badRequest("SCOPE_NOT_EXPECTED", "A " + type + " application lists no scope",
						type.name());
			}
			return List.of();
		}
		if (rows.isEmpty()) {
			throw DomainException.badRequest("SCOPE_REQUIRED", "List at least one scope row", type.name());
		}
		if (rows.size() > MAX_SCOPE_ROWS) {
			throw DomainException.badRequest("SCOPE_TOO_LARGE", "At most " + MAX_SCOPE_ROWS + " scope rows",
					MAX_SCOPE_ROWS);
		}
		List<Application.ScopeLine> lines = new java.util.ArrayList<>();
		for (ScopeRequest row : rows) {
			int line = lines.size() + 1;
			if (row == null) {
				throw DomainException.badRequest("SCOPE_ROW_INVALID", "Scope row " + line + " is empty", line);
			}
			String field = row.fieldCode() != null ? row.fieldCode()
					: fields.size() == 1 ? fields.iterator().next() : null;
			if (field == null || !fields.contains(field)) {
				throw DomainException.badRequest("SCOPE_FIELD_INVALID",
						"Scope row " + line + " names no field applied for", line);
			}
			var method = StandardCode.tryParse(row.methodCode())
				.orElseThrow(() -> DomainException.badRequest("SCOPE_METHOD_INVALID",
						"Scope row " + line + ": '" + row.methodCode() + "' is not a standard code like GB 5009.12-2017",
						line, String.valueOf(row.methodCode())));
			String limitation = row.limitation() == null || row.limitation().isBlank() ? null
					: text("scope.limitation", row.limitation(), MAX_TEXT);
			lines.add(new Application.ScopeLine(line, field, text("scope.objectName", row.objectName(), 200),
					text("scope.parameterName", row.parameterName(), 200), method.code(), limitation));
		}
		return lines;
	}

	/** Trimmed, NFC, not blank, within the limit, without control characters. */
	static String text(String what, String value, int max) {
		String clean = value == null ? "" : java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
		if (clean.isEmpty() || clean.length() > max || clean.codePoints().anyMatch(c -> Character.isISOControl(c)
				&& c != '\n' && c != '\t')) {
			throw DomainException.badRequest("TEXT_INVALID", what + " must be 1 to " + max + " characters of text",
					what, max);
		}
		return clean;
	}

	/** The application, if the actor may see it (its body, an officer of its authority, its assessors). */
	public Optional<Application> visible(Actor actor, long id) {
		return find(id).filter(application -> maySee(actor, application));
	}

	/** How the team assesses (BRIEF 1.4: on site or by remote video; a document review on the documents). */
	public enum AssessmentMode {
		ON_SITE, REMOTE, DOCUMENTS
	}

	/** Takes an event: checks who may, moves the state machine, keeps the clock, records it. */
	@Transactional // here too: the call below does not pass through the proxy
	public Application act(Actor actor, long id, ApplicationEvent event, String note) {
		return act(actor, id, event, note, null);
	}

	/**
	 * Takes an event; {@code mode} is for START_ASSESSMENT only (left out: on site, remote for an
	 * emergency extension, on the documents under document review).
	 */
	@Transactional
	public Application act(Actor actor, long id, ApplicationEvent event, String note, AssessmentMode mode) {
		Application application = visible(actor, id)
			.orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", "No such application"));
		Permission needed = PERMISSION.get(event);
		actor.require(needed);
		if (!mayTake(actor, application, needed)) {
			throw Actor.forbidden();
		}
		ApplicationState to = Lifecycle.step(application.procedure(), application.state(), event);
		String reasons = note == null ? "" : note.strip();
		if (NEED_REASONS.contains(event) && reasons.isEmpty()) {
			throw new DomainException("REASONS_REQUIRED", 422, event + " needs the reasons in the note", event.name());
		}
		if (reasons.length() > MAX_TEXT) {
			throw DomainException.badRequest("TEXT_INVALID", "note must be 1 to " + MAX_TEXT + " characters of text",
					"note", MAX_TEXT);
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate rectificationDue = application.rectificationDueOn();
		if (mode != null && event != ApplicationEvent.START_ASSESSMENT) {
			throw DomainException.badRequest("ASSESSMENT_MODE_UNEXPECTED", "Only START_ASSESSMENT takes a mode");
		}
		AssessmentMode assessment = event == ApplicationEvent.START_ASSESSMENT ? assessmentMode(application, mode) : null;
		switch (event) {
			case SUBMIT -> {
				eligibility.barredUntil(application.bodyId(), today).ifPresent(until -> {
					throw new DomainException("LICENSING_BARRED", 422, "The body may not apply before " + until, until);
				});
				if (application.procedure() == Procedure.COMMITMENT && application.commitmentSignedAt() == null) {
					throw new DomainException("COMMITMENT_NOT_SIGNED", 422, "Sign the commitment before submitting");
				}
			}
			case REQUEST_RECTIFICATION -> {
				if (openNonconformities(id) == 0) {
					throw new DomainException("NONCONFORMITIES_MISSING", 422,
							"Record the nonconformities to rectify first");
				}
				rectificationDue = dueOrUnknown(Step.RECTIFICATION, today, 0);
			}
			case RECTIFY -> {
				if (rectificationDue != null && today.isAfter(rectificationDue)) {
					throw new DomainException("RECTIFICATION_OVERDUE", 409,
							"Rectification was due on " + rectificationDue, rectificationDue);
				}
				if (openNonconformities(id) > 0) {
					throw new DomainException("RECTIFICATION_INCOMPLETE", 422,
							"Answer every nonconformity before reporting the rectification");
				}
			}
			case CONFIRM_COMMITMENT, FIND_COMMITMENT_FALSE -> {
				if (!teamDrawn(id)) {
					throw new DomainException("VERIFICATION_TEAM_MISSING", 409,
							"Draw the verification team (at least two experts) first");
				}
			}
			case CONCLUDE_ASSESSMENT -> {
				// from RECTIFICATION only once its time is up: the unfixed items fail
				if (application.state() == ApplicationState.RECTIFICATION
						&& (rectificationDue == null || !today.isAfter(rectificationDue))) {
					throw new DomainException("RECTIFICATION_NOT_OVERDUE", 409,
							"The body may rectify until " + rectificationDue, rectificationDue);
				}
			}
			default -> {
			}
		}
		Step step = application.step();
		LocalDate began = application.stepBeganOn();
		int paused = application.pausedWorkingDays();
		LocalDate waitingSince = null;
		LocalDate due;
		if (waiting(to)) { // the applicant is asked: the running step stands still
			waitingSince = today;
			due = null;
		}
		else {
			Step next = Step.of(application.procedure(), to);
			if (waiting(application.state()) && next == step && step != null) {
				paused += statutory.workingDaysBetween(application.waitingSince(), today);
			}
			else if (next != step) {
				step = next;
				began = next == null ? null : today;
				paused = 0;
			}
			due = step == null ? null : dueOrUnknown(step, began, paused);
		}
		boolean dueUnknown = step != null && due == null && waitingSince == null;
		String certificate = decisions.apply(actor, application, event, reasons);
		int updated = jdbc.sql("""
				update application set state = ?, step = ?, step_began_on = ?, paused_working_days = ?,
				       waiting_since = ?, due_on = ?, due_unknown = ?, rectification_due_on = ?,
				       issued_certificate_number = coalesce(?, issued_certificate_number),
				       assessment_mode = coalesce(?, assessment_mode), updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(to.name(), step == null ? null : step.name(), began, paused, waitingSince, due, dueUnknown,
					rectificationDue, certificate, assessment == null ? null : assessment.name(),
					SqlTime.utc(clock.instant()), id, application.version())
			.update();
		if (updated != 1) {
			throw new DomainException("APPLICATION_CHANGED", 409, "The application changed meanwhile; reload and retry");
		}
		jdbc.sql("""
				insert into application_event (application_id, event, from_state, to_state, occurred_at, actor, note)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, event.name(), application.state().name(), to.name(), SqlTime.utc(clock.instant()), actor.name(),
					reasons)
			.update();
		Map<String, String> detail = new java.util.LinkedHashMap<>();
		detail.put("from", application.state().name());
		detail.put("to", to.name());
		if (certificate != null) {
			detail.put("certificate", certificate);
		}
		if (assessment != null) {
			detail.put("mode", assessment.name());
		}
		if (!reasons.isEmpty()) {
			detail.put("note", reasons);
		}
		audit.record(new AuditTrail.Entry("application." + event.name().toLowerCase(), "application",
				Long.toString(id), application.authorityCode(), detail));
		return find(id).orElseThrow();
	}

	private static AssessmentMode assessmentMode(Application application, AssessmentMode asked) {
		boolean documents = application.procedure() == Procedure.DOCUMENT_REVIEW;
		if (asked == null) {
			return documents ? AssessmentMode.DOCUMENTS
					: application.type() == ApplicationType.EMERGENCY_EXTENSION ? AssessmentMode.REMOTE
							: AssessmentMode.ON_SITE;
		}
		if (documents != (asked == AssessmentMode.DOCUMENTS)) {
			throw new DomainException("ASSESSMENT_MODE_INVALID", 422, "A document review is assessed on the documents,"
					+ " the general procedure on site or remotely", asked.name());
		}
		return asked;
	}

	/** The events the actor may take on the application now (the state machine and who may). */
	public List<ApplicationEvent> actions(Actor actor, Application application) {
		List<ApplicationEvent> actions = new java.util.ArrayList<>();
		for (ApplicationEvent event : ApplicationEvent.values()) {
			Permission needed = PERMISSION.get(event);
			if (Lifecycle.next(application.procedure(), application.state(), event).isPresent() && actor.has(needed)
					&& mayTake(actor, application, needed)) {
				actions.add(event);
			}
		}
		return actions;
	}

	/** The body takes its own steps; officers those of their jurisdiction; assessors those of their team. */
	private boolean mayTake(Actor actor, Application application, Permission needed) {
		if (needed == Permission.APPLICATION_SUBMIT) {
			return actor.belongsTo(application.bodyId());
		}
		if (needed == Permission.ASSESSMENT_PERFORM) {
			return onTeam(actor, application.id());
		}
		return actor.covers(application.authorityCode());
	}

	/** Whether the event's note must give the reasons (or the one-time list of everything missing). */
	public static boolean needsReasons(ApplicationEvent event) {
		return NEED_REASONS.contains(event);
	}

	private boolean teamDrawn(long applicationId) {
		return jdbc.sql("select exists (select 1 from assessment_team where application_id = ?)")
			.param(applicationId)
			.query(Boolean.class)
			.single();
	}

	private int openNonconformities(long applicationId) {
		return jdbc.sql("select count(*) from assessment_finding where application_id = ? and nonconformity"
				+ " and response is null")
			.param(applicationId)
			.query(Integer.class)
			.single();
	}

	/** The applicant was asked for something (no transition leads back to DRAFT): the clock stands. */
	private static boolean waiting(ApplicationState state) {
		return state.clock() == ApplicationState.Clock.APPLICANT;
	}

	/**
	 * The due date, or null when it falls in a year without holiday data. The step still moves: an
	 * officer must be able to accept an application in December before the next year's notice is
	 * out. The calendar has raised its alert; the queue shows such applications first.
	 */
	private LocalDate dueOrUnknown(Step step, LocalDate began, int paused) {
		try {
			return statutory.due(step, began, paused);
		}
		catch (DomainException e) {
			if ("CALENDAR_YEAR_UNKNOWN".equals(e.code())) {
				return null;
			}
			throw e;
		}
	}

	/** The history of an application, oldest first. */
	public List<Application.Event> history(long id) {
		return jdbc.sql("""
				select event, from_state, to_state, occurred_at, actor, note from application_event
				where application_id = ? order by id""")
			.param(id)
			.query((rs, n) -> new Application.Event(rs.getString(1), ApplicationState.valueOf(rs.getString(2)),
					ApplicationState.valueOf(rs.getString(3)), SqlTime.instant(rs, "occurred_at"), rs.getString(5),
					rs.getString(6)))
			.list();
	}

	/** The scope applied for, in the body's order. */
	public List<Application.ScopeLine> scope(long id) {
		return jdbc.sql("""
				select line_no, field_code, object_name, parameter_name, method_code, limitation from application_scope
				where application_id = ? order by line_no""")
			.param(id)
			.query((rs, n) -> new Application.ScopeLine(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * The officer's queue: open applications of the actor's jurisdiction whose clock runs, those
	 * whose due date is unknown first, then emergency extensions, then soonest due (overdue at the
	 * top); a body sees its own applications, newest first.
	 */
	public List<Application> queue(Actor actor, int limit) {
		if (actor.bodyId() != null) {
			return jdbc.sql("select " + COLUMNS + " from application where body_id = ? order by id desc limit ?")
				.params(actor.bodyId(), limit)
				.query(this::row)
				.list();
		}
		if (!actor.has(Permission.APPLICATION_ACCEPT) && !actor.has(Permission.APPLICATION_DECIDE)) {
			throw Actor.forbidden();
		}
		if (actor.jurisdiction().isNational()) {
			return jdbc.sql("select " + COLUMNS + " from application where due_on is not null or due_unknown"
					+ " order by due_unknown desc, (type = 'EMERGENCY_EXTENSION') desc, due_on, id limit ?")
				.param(limit)
				.query(this::row)
				.list();
		}
		return jdbc.sql("select " + COLUMNS
				+ " from application where authority_code = ? and (due_on is not null or due_unknown)"
				+ " order by due_unknown desc, (type = 'EMERGENCY_EXTENSION') desc, due_on, id limit ?")
			.params(actor.jurisdiction().authorityCode(), limit)
			.query(this::row)
			.list();
	}

	/** Its body; officers of its authority; assessors on its team (drawn by {@code AssessmentTeams}). */
	private boolean maySee(Actor actor, Application application) {
		return actor.belongsTo(application.bodyId())
				|| ((actor.has(Permission.APPLICATION_ACCEPT) || actor.has(Permission.APPLICATION_DECIDE))
						&& actor.covers(application.authorityCode()))
				|| (actor.has(Permission.ASSESSMENT_PERFORM) && onTeam(actor, application.id()));
	}

	/** Whether the actor is an assessor on the application's team (their account is linked to a member). */
	public boolean onTeam(Actor actor, long applicationId) {
		return jdbc.sql("select exists (select 1 from assessment_team_member m join assessor s on s.id = m.assessor_id"
				+ " where m.application_id = ? and s.account_username = ?)")
			.params(applicationId, actor.name())
			.query(Boolean.class)
			.single();
	}

	/**
	 * The application, locked until the transaction ends, if the actor may see it: a document or a
	 * finding added to it and a change of its state do not cross.
	 */
	Application lockVisible(Actor actor, long id) {
		visible(actor, id).orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", "No such application"));
		return jdbc.sql("select " + COLUMNS + " from application where id = ? for update")
			.param(id)
			.query(this::row)
			.single();
	}

	Optional<Application> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from application where id = ?")
			.param(id)
			.query(this::row)
			.optional();
	}

	private Application row(ResultSet rs, int n) throws SQLException {
		String step = rs.getString("step");
		return new Application(rs.getLong("id"), rs.getLong("body_id"), rs.getString("authority_code"),
				ApplicationType.valueOf(rs.getString("type")), Procedure.valueOf(rs.getString("procedure")),
				ApplicationState.valueOf(rs.getString("state")), split(rs.getString("field_codes")),
				rs.getBoolean("special_foods"), split(rs.getString("change_items")), rs.getString("certificate_number"),
				step == null ? null : Step.valueOf(step), rs.getObject("step_began_on", LocalDate.class),
				rs.getInt("paused_working_days"), rs.getObject("waiting_since", LocalDate.class),
				rs.getObject("due_on", LocalDate.class), rs.getBoolean("due_unknown"), SqlTime.instant(rs, "created_at"),
				SqlTime.instant(rs, "updated_at"), rs.getLong("version"), rs.getString("industry_code"),
				decodeChanges(rs.getString("changes")), SqlTime.instant(rs, "commitment_signed_at"),
				rs.getObject("rectification_due_on", LocalDate.class), rs.getString("issued_certificate_number"),
				rs.getString("assessment_mode"));
	}

	private static List<String> split(String list) {
		return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
	}

	private String encodeChanges(Map<String, String> changes) {
		return json.writeValueAsString(changes);
	}

	private Map<String, String> decodeChanges(String stored) {
		return json.readValue(stored, new TypeReference<java.util.TreeMap<String, String>>() {
		});
	}
}
