package org.labtrust.shared.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.labtrust.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * China's working days: Monday to Friday, except statutory holidays, plus the weekend days that
 * the State Council makes working days (调休). The data are the yearly notices as published in the
 * holiday-cn files shipped with the application. A year without data is unknown: any computation
 * that touches it fails with {@code CALENDAR_YEAR_UNKNOWN} and raises an alert (an error log line
 * and the {@code labtrust.calendar.unknown.year} counter), because a statutory deadline must never
 * rest on a guess.
 */
@Component
public class WorkingDayCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

	/** The longest span a single computation may walk, so that a typo cannot run for years. */
	public static final int MAX_WORKING_DAYS = 1000;

	/** What a date is. */
	public enum Kind {
		/** an ordinary Monday to Friday */
		WORKDAY,
		/** an ordinary Saturday or Sunday */
		WEEKEND,
		/** a statutory holiday, including the weekdays moved into it */
		HOLIDAY,
		/** a Saturday or Sunday that is a working day by the notice (调休) */
		MAKEUP_WORKDAY
	}

	/** A date as the calendar sees it; {@code name} is the holiday's name for holidays and make-up days. */
	public record Day(LocalDate date, boolean workingDay, Kind kind, String name) {
	}

	private record Exception(boolean offDay, String name) {
	}

	/** One year's notice: its exception days. */
	public record YearNotice(int year, List<NoticeDay> days) {
	}

	/** A day of a notice: a holiday ({@code offDay}) or a weekend day made a working day. */
	public record NoticeDay(LocalDate date, boolean offDay, String name) {
	}

	private final Map<Integer, YearNotice> shipped = new TreeMap<>();

	/** What computations read; replaced whole when a year is entered, so readers never see half of one. */
	private volatile Data data = new Data(Map.of(), new TreeSet<>());

	private record Data(Map<LocalDate, Exception> exceptions, SortedSet<Integer> knownYears) {
	}

	private final Counter unknownYear;

	public WorkingDayCalendar(MeterRegistry meters) {
		this.unknownYear = Counter.builder("labtrust.calendar.unknown.year")
			.description("Deadline computations refused because a year has no holiday data")
			.register(meters);
		loadShipped();
		use(List.of());
	}

	/** Shipped notices, with the given entered ones replacing the shipped ones of their years. */
	void use(List<YearNotice> entered) {
		Map<Integer, YearNotice> years = new TreeMap<>(shipped);
		entered.forEach(notice -> years.put(notice.year(), notice));
		Map<LocalDate, Exception> exceptions = new HashMap<>();
		years.values().forEach(notice -> notice.days()
			.forEach(day -> exceptions.put(day.date(), new Exception(day.offDay(), day.name()))));
		data = new Data(Map.copyOf(exceptions), new TreeSet<>(years.keySet()));
	}

	/** The years the calendar knows, ascending. */
	public SortedSet<Integer> knownYears() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(data.knownYears()));
	}

	public Day day(LocalDate date) {
		Data current = data;
		requireKnown(current, date.getYear());
		Exception exception = current.exceptions().get(date);
		boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
		if (exception != null) {
			return exception.offDay() ? new Day(date, false, Kind.HOLIDAY, exception.name())
					: new Day(date, true, weekend ? Kind.MAKEUP_WORKDAY : Kind.WORKDAY, exception.name());
		}
		return weekend ? new Day(date, false, Kind.WEEKEND, null) : new Day(date, true, Kind.WORKDAY, null);
	}

	public boolean isWorkingDay(LocalDate date) {
		return day(date).workingDay();
	}

	/** The {@code n}-th working day after {@code from}, not counting {@code from} itself (n from 1). */
	public LocalDate addWorkingDays(LocalDate from, int n) {
		if (n < 1 || n > MAX_WORKING_DAYS) {
			throw DomainException.badRequest("WORKING_DAYS_INVALID", "add is 1 to " + MAX_WORKING_DAYS,
					MAX_WORKING_DAYS);
		}
		LocalDate date = from;
		int counted = 0;
		while (counted < n) {
			date = date.plusDays(1);
			if (isWorkingDay(date)) {
				counted++;
			}
		}
		return date;
	}

	/** Working days after {@code from} up to and including {@code to} (0 when to is not after from). */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

	private void requireKnown(Data current, int year) {
		if (!current.knownYears().contains(year)) {
			unknownYear.increment();
			log.error("ALERT: no holiday data for {}: deadlines in that year cannot be computed until an "
					+ "administrator enters the State Council notice", year);
			throw new DomainException("CALENDAR_YEAR_UNKNOWN", 422, "No holiday data for " + year, year);
		}
	}

	private void loadShipped() {
		JsonMapper json = JsonMapper.builder().build();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver()
				.getResources("classpath:calendar/holiday-cn/*.json");
			for (Resource file : files) {
				try (InputStream in = file.getInputStream()) {
					JsonNode root = json.readTree(in);
					int year = root.get("year").asInt();
					List<NoticeDay> days = new ArrayList<>();
					for (JsonNode day : root.get("days")) {
						days.add(new NoticeDay(LocalDate.parse(day.get("date").asString()),
								day.get("isOffDay").asBoolean(), day.get("name").asString()));
					}
					shipped.put(year, new YearNotice(year, List.copyOf(days)));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The shipped holiday calendar cannot be read", e);
		}
		log.info("Working-day calendar ships {}", shipped.keySet());
	}
}
