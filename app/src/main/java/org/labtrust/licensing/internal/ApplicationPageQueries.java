package org.labtrust.licensing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.labtrust.licensing.ApplicationState;
import org.labtrust.licensing.ApplicationType;
import org.labtrust.licensing.Procedure;
import org.labtrust.licensing.StatutoryClock;
import org.labtrust.licensing.Step;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.calendar.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The read model of the licensing pages: the officers' work queue a page at a time with its
 * counts, a body's own applications, an assessor's tasks, the names of a team. Each list is one
 * query with the body's name joined, so that a page of 100 rows costs one round trip. Who sees
 * what follows {@link ApplicationService}: officers their jurisdiction, a body its own, an
 * assessor the applications whose team they are on.
 */
@Component
public class ApplicationPageQueries {

	/** Working days ahead that count as "due soon" in the queue's counts. */
	public static final int DUE_SOON_WORKING_DAYS = 5;

	/** One application in a list, with where its clock stands ({@code workingDaysLeft} negative: overdue). */
	public record Row(long id, long bodyId, String bodyName, ApplicationType type, Procedure procedure,
			ApplicationState state, Step step, LocalDate dueOn, boolean dueUnknown, Integer workingDaysLeft,
			boolean leader) {

		public boolean overdue() {
			return workingDaysLeft != null && workingDaysLeft < 0;
		}

		/** Working days past the due date, for an overdue application. */
		public int workingDaysOverdue() {
			return overdue() ? -workingDaysLeft : 0;
		}
	}

	/**
	 * The queue's counts: open applications whose clock runs, those past their due date, those due
	 * within {@link #DUE_SOON_WORKING_DAYS} working days, and those whose due date is unknown.
	 */
	public record Counts(long open, long overdue, long dueSoon, long dueUnknown) {
	}

	/** One page of the queue, {@code page} from 1. */
	public record QueuePage(List<Row> rows, Counts counts, int page, int pageSize) {

		public int pages() {
			return (int) Math.max(1, (counts.open() + pageSize - 1) / pageSize);
		}

		public boolean hasNext() {
			return page < pages();
		}

		/** Position of the first row on the page, from 1. */
		public long first() {
			return rows.isEmpty() ? 0 : (long) (page - 1) * pageSize + 1;
		}

		public long last() {
			return rows.isEmpty() ? 0 : first() + rows.size() - 1;
		}
	}

	private static final String ROW_COLUMNS = """
			a.id, a.body_id, b.name as body_name, a.type, a.procedure, a.state, a.step, a.due_on, a.due_unknown""";

	private final JdbcClient jdbc;

	private final StatutoryClock statutory;

	private final WorkingDayCalendar calendar;

	private final Clock clock;

	ApplicationPageQueries(JdbcClient jdbc, StatutoryClock statutory, WorkingDayCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.statutory = statutory;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** Whether the actor works a queue: acceptance or decision officers. */
	public static boolean worksQueue(Actor actor) {
		return actor.jurisdiction() != null
				&& (actor.has(Permission.APPLICATION_ACCEPT) || actor.has(Permission.APPLICATION_DECIDE));
	}

	/**
	 * The officer's work queue: open applications of their jurisdiction whose clock runs, those
	 * whose due date is unknown first, then emergency scope extensions, then the soonest due (the
	 * overdue at the top). The same order and filter as {@link ApplicationService#queue}, on the
	 * index {@code application_queue_idx}.
	 */
	public QueuePage queue(Actor actor, int page, int pageSize) {
		if (!worksQueue(actor)) {
			throw Actor.forbidden();
		}
		if (page < 1 || pageSize < 1 || pageSize > 1000) {
			throw DomainException.badRequest("QUEUE_PAGE_INVALID", "page from 1, page size 1 to 1000");
		}
		boolean national = actor.jurisdiction().isNational();
		String where = (national ? "" : "a.authority_code = :authority and ")
				+ "(a.due_on is not null or a.due_unknown)";
		LocalDate today = today();
		Map<String, Object> params = national ? Map.of() : Map.of("authority", actor.jurisdiction().authorityCode());
		List<Row> rows = jdbc.sql("select " + ROW_COLUMNS + ", false as leader from application a"
				+ " left join body b on b.id = a.body_id where " + where
				+ " order by a.due_unknown desc, (a.type = 'EMERGENCY_EXTENSION') desc, a.due_on, a.id"
				+ " limit :limit offset :offset")
			.params(params)
			.param("limit", pageSize)
			.param("offset", (long) (page - 1) * pageSize)
			.query((rs, n) -> row(rs, today))
			.list();
		LocalDate soon = addWorkingDays(today, DUE_SOON_WORKING_DAYS);
		Counts counts = jdbc.sql("select count(*), count(*) filter (where a.due_on < :today),"
				+ " count(*) filter (where a.due_on >= :today and a.due_on <= :soon), count(*) filter (where a.due_unknown)"
				+ " from application a where " + where)
			.params(params)
			.param("today", today)
			.param("soon", soon)
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
		return new QueuePage(rows, counts, page, pageSize);
	}

	/** A body's own applications, newest first. */
	public List<Row> ofBody(long bodyId, int limit) {
		LocalDate today = today();
		return jdbc.sql("select " + ROW_COLUMNS + ", false as leader from application a"
				+ " left join body b on b.id = a.body_id where a.body_id = ? order by a.id desc limit ?")
			.params(bodyId, limit)
			.query((rs, n) -> row(rs, today))
			.list();
	}

	/**
	 * The assessor's tasks: applications whose team they were drawn onto (their account is linked
	 * to an assessor of the pool), those still in assessment first, soonest due first.
	 */
	public List<Row> tasks(String username, int limit) {
		LocalDate today = today();
		return jdbc.sql("select " + ROW_COLUMNS + ", m.leader from assessment_team_member m"
				+ " join assessor s on s.id = m.assessor_id join application a on a.id = m.application_id"
				+ " left join body b on b.id = a.body_id where s.account_username = ?"
				+ " order by (a.state in ('ACCEPTED', 'IN_ASSESSMENT', 'RECTIFICATION')) desc, a.due_unknown desc,"
				+ " a.due_on nulls last, a.id desc limit ?")
			.params(username, limit)
			.query((rs, n) -> row(rs, today))
			.list();
	}

	/** Working days from today to the due date (negative when overdue), or null when it cannot be told. */
	public Integer workingDaysLeft(LocalDate due) {
		return statutory.workingDaysLeft(today(), due);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	private LocalDate addWorkingDays(LocalDate from, int n) {
		try {
			return calendar.addWorkingDays(from, n);
		}
		catch (DomainException e) {
			return from.plusDays(n); // the next year's holidays are not entered yet: calendar days, a lower bound
		}
	}

	private Row row(ResultSet rs, LocalDate today) throws SQLException {
		String step = rs.getString("step");
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		Integer left = statutory.workingDaysLeft(today, due);
		return new Row(rs.getLong("id"), rs.getLong("body_id"), rs.getString("body_name"),
				ApplicationType.valueOf(rs.getString("type")), Procedure.valueOf(rs.getString("procedure")),
				ApplicationState.valueOf(rs.getString("state")), step == null ? null : Step.valueOf(step), due,
				rs.getBoolean("due_unknown"), left, rs.getBoolean("leader"));
	}
}
