package org.labtrust.shared.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.labtrust.shared.DomainException;
import org.labtrust.shared.PostgresChannels;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Years of the calendar entered by national administrators: the next year when the State Council
 * publishes its notice, or a correction. Stored in PostgreSQL, on the audit trail, and loaded by
 * every node (at start-up, and through a notice when one node stores a year).
 */
@Service
public class CalendarYears implements ApplicationRunner {

	static final String CHANNEL = "labtrust_calendar_changed";

	private final JdbcClient jdbc;

	private final WorkingDayCalendar calendar;

	private final AuditTrail audit;

	private final PostgresChannels channels;

	private final Clock clock;

	CalendarYears(JdbcClient jdbc, WorkingDayCalendar calendar, AuditTrail audit, PostgresChannels channels,
			Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.audit = audit;
		this.channels = channels;
		this.clock = clock;
		channels.subscribe(CHANNEL, year -> reload());
	}

	@Override
	public void run(ApplicationArguments args) {
		reload();
	}

	/** Replaces the calendar of one year; answers the days stored. */
	@Transactional
	public WorkingDayCalendar.YearNotice enter(Actor actor, int year, List<String> papers,
			List<WorkingDayCalendar.NoticeDay> days) {
		actor.require(Permission.CALENDAR_EDIT);
		if (actor.jurisdiction() == null || !actor.jurisdiction().isNational()) {
			throw Actor.forbidden(); // one calendar for the whole country
		}
		check(year, papers, days);
		jdbc.sql("delete from calendar_year where year = ?").param(year).update();
		jdbc.sql("insert into calendar_year (year, papers, entered_by, entered_at) values (?, ?, ?, ?)")
			.params(year, papers.stream().map(String::strip).toArray(String[]::new), actor.id(),
					SqlTime.utc(clock.instant()))
			.update();
		for (WorkingDayCalendar.NoticeDay day : days) {
			jdbc.sql("insert into calendar_day (date, year, off_day, name) values (?, ?, ?, ?)")
				.params(day.date(), year, day.offDay(), day.name().strip())
				.update();
		}
		Map<String, String> detail = new LinkedHashMap<>();
		detail.put("days", Integer.toString(days.size()));
		detail.put("papers", String.join(" ", papers));
		audit.record(new AuditTrail.Entry("calendar.year.enter", "calendar-year", Integer.toString(year), "00", detail));
		channels.announce(CHANNEL, Integer.toString(year)); // every node reloads, this one included
		return new WorkingDayCalendar.YearNotice(year, List.copyOf(days));
	}

	private static void check(int year, List<String> papers, List<WorkingDayCalendar.NoticeDay> days) {
		if (year < 2000 || year > 2100) {
			throw invalid("year " + year + " is out of range");
		}
		if (papers == null || papers.isEmpty() || papers.stream().anyMatch(p -> p == null || p.isBlank())) {
			throw invalid("name the notice (papers): the address where it was published");
		}
		if (days == null || days.isEmpty() || days.size() > 100) {
			throw invalid("a notice lists 1 to 100 days");
		}
		Set<LocalDate> seen = new HashSet<>();
		for (WorkingDayCalendar.NoticeDay day : days) {
			if (day.date() == null || day.date().getYear() != year) {
				throw invalid("every date must lie in " + year);
			}
			if (!seen.add(day.date())) {
				throw invalid(day.date() + " is listed twice");
			}
			if (day.name() == null || day.name().isBlank() || day.name().length() > 50) {
				throw invalid(day.date() + " needs a holiday name of at most 50 characters");
			}
			boolean weekend = day.date().getDayOfWeek() == DayOfWeek.SATURDAY
					|| day.date().getDayOfWeek() == DayOfWeek.SUNDAY;
			if (!day.offDay() && !weekend) {
				throw invalid(day.date() + " is a weekday: only a weekend day can be made a working day");
			}
		}
	}

	/** A year the calendar knows and where it comes from. */
	public record KnownYear(int year, String source, List<String> papers, String enteredBy) {
	}

	/** Every known year: shipped with the application, or entered (which replaces a shipped one). */
	public List<KnownYear> known() {
		Map<Integer, KnownYear> years = new java.util.TreeMap<>();
		calendar.knownYears().forEach(year -> years.put(year, new KnownYear(year, "SHIPPED", List.of(), null)));
		jdbc.sql("select year, papers, entered_by from calendar_year").query(rs -> {
			years.put(rs.getInt(1), new KnownYear(rs.getInt(1), "ENTERED",
					List.of((String[]) rs.getArray(2).getArray()), rs.getString(3)));
		});
		return List.copyOf(years.values());
	}

	private static DomainException invalid(String why) {
		return DomainException.badRequest("CALENDAR_NOTICE_INVALID", "Invalid calendar notice: " + why, why);
	}

	private void reload() {
		Map<Integer, List<WorkingDayCalendar.NoticeDay>> years = new LinkedHashMap<>();
		jdbc.sql("select year from calendar_year order by year")
			.query(Integer.class)
			.list()
			.forEach(year -> years.put(year, new ArrayList<>()));
		jdbc.sql("select date, year, off_day, name from calendar_day order by date").query(rs -> {
			years.get(rs.getInt(2))
				.add(new WorkingDayCalendar.NoticeDay(rs.getObject(1, LocalDate.class), rs.getBoolean(3),
						rs.getString(4)));
		});
		calendar.use(years.entrySet()
			.stream()
			.map(e -> new WorkingDayCalendar.YearNotice(e.getKey(), List.copyOf(e.getValue())))
			.toList());
	}
}
