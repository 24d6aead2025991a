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
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
			updated_at, version""";

	/** What a body asks for when it opens an application. */
	public record NewApplication(ApplicationType type, Procedure procedure, Set<String> fieldCodes, boolean specialFoods,
			Set<ChangeItem> changeItems, String certificateNumber) {
	}

	private final JdbcClient jdbc;

	private final RegistryQueries registry;

	private final StatutoryClock statutory;

	private final AuditTrail audit;

	private final Clock clock;

	ApplicationService(JdbcClient jdbc, RegistryQueries registry, StatutoryClock statutory, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.statutory = statutory;
		this.audit = audit;
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
		Set<String> fields = request.fieldCodes() == null ? Set.of() : request.fieldCodes();
		for (String field : fields) {
			if (registry.codes().field(field).isEmpty()) {
				throw DomainException.badRequest("FIELD_CODE_INVALID", "Unknown professional field " + field, field);
			}
		}
		Set<ChangeItem> changes = request.changeItems() == null ? Set.of() : request.changeItems();
		List<String> refusals = ProcedureRules.refusals(request.procedure(), new ProcedureRules.Applicant(request.type(),
				fields, request.specialFoods(), null, false, changes), LocalDate.now(clock));
		if (!refusals.isEmpty()) {
			throw new DomainException(refusals.get(0), 422, "Procedure not open: " + refusals);
		}
		String authority = registry.bodyAuthorities(actor.bodyId()).stream().findFirst()
			.orElseThrow(() -> DomainException.notFound("BODY_NOT_FOUND", "No such body"));
		var now = SqlTime.utc(clock.instant());
		long id = jdbc.sql("""
				insert into application (body_id, authority_code, type, procedure, state, field_codes, special_foods,
				                         change_items, certificate_number, created_at, updated_at)
				values (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?) returning id""")
			.params(actor.bodyId(), authority, request.type().name(), request.procedure().name(),
					String.join(",", fields.stream().sorted().toList()), request.specialFoods(),
					changes.stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
					request.certificateNumber(), now, now)
			.query(Long.class)
			.single();
		audit.record(new AuditTrail.Entry("application.open", "application", Long.toString(id), authority,
				Map.of("type", request.type().name(), "procedure", request.procedure().name())));
		return find(id).orElseThrow();
	}

	/** The application, if the actor may see it (its body, an officer of its authority, its assessors). */
	public Optional<Application> visible(Actor actor, long id) {
		return find(id).filter(application -> maySee(actor, application));
	}

	/** Takes an event: checks who may, moves the state machine, keeps the clock, records it. */
	@Transactional
	public Application act(Actor actor, long id, ApplicationEvent event, String note) {
		Application application = visible(actor, id)
			.orElseThrow(() -> DomainException.notFound("APPLICATION_NOT_FOUND", "No such application"));
		Permission needed = PERMISSION.get(event);
		actor.require(needed);
		if (needed == Permission.APPLICATION_SUBMIT ? !actor.belongsTo(application.bodyId())
				: needed != Permission.ASSESSMENT_PERFORM && !actor.covers(application.authorityCode())) {
			throw Actor.forbidden();
		}
		ApplicationState to = Lifecycle.step(application.procedure(), application.state(), event);
		LocalDate today = LocalDate.now(clock);
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
				paused += statutory.pausedWorkingDays(application.waitingSince(), today);
			}
			else if (next != step) {
				step = next;
				began = next == null ? null : today;
				paused = 0;
			}
			due = step == null ? null : dueOrUnknown(step, began, paused);
		}
		boolean dueUnknown = step != null && due == null && waitingSince == null;
		int updated = jdbc.sql("""
				update application set state = ?, step = ?, step_began_on = ?, paused_working_days = ?,
				       waiting_since = ?, due_on = ?, due_unknown = ?, updated_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(to.name(), step == null ? null : step.name(), began, paused, waitingSince, due, dueUnknown,
					SqlTime.utc(clock.instant()), id, application.version())
			.update();
		if (updated != 1) {
			throw new DomainException("APPLICATION_CHANGED", 409, "The application changed meanwhile; reload and retry");
		}
		jdbc.sql("""
				insert into application_event (application_id, event, from_state, to_state, occurred_at, actor, note)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, event.name(), application.state().name(), to.name(), SqlTime.utc(clock.instant()), actor.name(),
					note == null ? "" : note)
			.update();
		audit.record(new AuditTrail.Entry("application." + event.name().toLowerCase(), "application",
				Long.toString(id), application.authorityCode(),
				Map.of("from", application.state().name(), "to", to.name())));
		return find(id).orElseThrow();
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

	/**
	 * The officer's queue: open applications of the actor's jurisdiction whose clock runs, those
	 * whose due date is unknown first, then soonest due (overdue at the top); a body sees its own
	 * applications, newest first.
	 */
	public List<Application> queue(Actor actor, int limit) {
		if (actor.bodyId() != null) {
			return jdbc.sql("select " + COLUMNS + " from application where body_id = ? order by id desc limit ?")
				.params(actor.bodyId(), limit)
				.query(ApplicationService::row)
				.list();
		}
		if (!actor.has(Permission.APPLICATION_ACCEPT) && !actor.has(Permission.APPLICATION_DECIDE)) {
			throw Actor.forbidden();
		}
		if (actor.jurisdiction().isNational()) {
			return jdbc.sql("select " + COLUMNS + " from application where due_on is not null or due_unknown"
					+ " order by due_unknown desc, due_on, id limit ?")
				.param(limit)
				.query(ApplicationService::row)
				.list();
		}
		return jdbc.sql("select " + COLUMNS
				+ " from application where authority_code = ? and (due_on is not null or due_unknown)"
				+ " order by due_unknown desc, due_on, id limit ?")
			.params(actor.jurisdiction().authorityCode(), limit)
			.query(ApplicationService::row)
			.list();
	}

	/** Its body; officers of its authority; assessors on its team (drawn by {@code AssessmentTeams}). */
	private boolean maySee(Actor actor, Application application) {
		return actor.belongsTo(application.bodyId())
				|| ((actor.has(Permission.APPLICATION_ACCEPT) || actor.has(Permission.APPLICATION_DECIDE))
						&& actor.covers(application.authorityCode()))
				|| (actor.has(Permission.ASSESSMENT_PERFORM) && onTeam(actor, application.id()));
	}

	private boolean onTeam(Actor actor, long applicationId) {
		return jdbc.sql("select exists (select 1 from assessment_team_member m join assessor s on s.id = m.assessor_id"
				+ " where m.application_id = ? and s.account_username = ?)")
			.params(applicationId, actor.name())
			.query(Boolean.class)
			.single();
	}

	private Optional<Application> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from application where id = ?")
			.param(id)
			.query(ApplicationService::row)
			.optional();
	}

	private static Application row(ResultSet rs, int n) throws SQLException {
		String step = rs.getString("step");
		return new Application(rs.getLong("id"), rs.getLong("body_id"), rs.getString("authority_code"),
				ApplicationType.valueOf(rs.getString("type")), Procedure.valueOf(rs.getString("procedure")),
				ApplicationState.valueOf(rs.getString("state")), split(rs.getString("field_codes")),
				rs.getBoolean("special_foods"), split(rs.getString("change_items")), rs.getString("certificate_number"),
				step == null ? null : Step.valueOf(step), rs.getObject("step_began_on", LocalDate.class),
				rs.getInt("paused_working_days"), rs.getObject("waiting_since", LocalDate.class),
				rs.getObject("due_on", LocalDate.class), rs.getBoolean("due_unknown"), SqlTime.instant(rs, "created_at"),
				SqlTime.instant(rs, "updated_at"), rs.getLong("version"));
	}

	private static List<String> split(String list) {
		return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
	}
}
