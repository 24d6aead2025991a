package org.labtrust.shared.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public working-day calendar that statutory deadlines are counted on. */
@RestController
@RequestMapping(path = "/api/v1/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calendar", description = "Chinese working days: statutory holidays and make-up working days")
class CalendarApiController {

	private final WorkingDayCalendar calendar;

	private final CalendarYears years;

	CalendarApiController(WorkingDayCalendar calendar, CalendarYears years) {
		this.calendar = calendar;
		this.years = years;
	}

	@GetMapping("/years")
	@Operation(summary = "The years the calendar knows: shipped, or entered by an administrator")
	List<CalendarYears.KnownYear> years() {
		return years.known();
	}

	/** A year's notice in the holiday-cn format that the shipped files use. */
	record Notice(Integer year, List<String> papers, List<NoticeDay> days) {
	}

	record NoticeDay(String date, Boolean isOffDay, String name) {
	}

	@PutMapping(path = "/years/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Enter or correct a year (national administrators): every holiday and make-up working day "
			+ "of the State Council notice; replaces what the calendar had for that year")
	WorkingDayCalendar.YearNotice enter(@PathVariable String year, @RequestBody Notice notice) {
		int y;
		try {
			y = Integer.parseInt(year);
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest("CALENDAR_NOTICE_INVALID", "Invalid year", "year " + year);
		}
		if (notice.year() != null && notice.year() != y) {
			throw DomainException.badRequest("CALENDAR_NOTICE_INVALID", "Year differs from the path",
					"year " + notice.year() + " in the body, " + y + " in the path");
		}
		List<WorkingDayCalendar.NoticeDay> days = new ArrayList<>();
		for (NoticeDay day : notice.days() == null ? List.<NoticeDay>of() : notice.days()) {
			if (day == null || day.isOffDay() == null) {
				throw DomainException.badRequest("CALENDAR_NOTICE_INVALID", "Each day needs isOffDay", "isOffDay");
			}
			days.add(new WorkingDayCalendar.NoticeDay(date(String.valueOf(day.date()), "date"), day.isOffDay(),
					day.name()));
		}
		return years.enter(Actors.current(), y, notice.papers(), days);
	}

	/** {@code kind} (WORKDAY, WEEKEND, HOLIDAY, MAKEUP_WORKDAY) is added to the fields the issue names. */
	record DayAnswer(LocalDate date, boolean workingDay, String name, WorkingDayCalendar.Kind kind) {
	}

	record DateAnswer(LocalDate date) {
	}

	@GetMapping("/{date}")
	@Operation(summary = "Whether a date is a working day, and the holiday's name")
	DayAnswer day(@PathVariable String date) {
		WorkingDayCalendar.Day day = calendar.day(date(date, "date"));
		return new DayAnswer(day.date(), day.workingDay(), day.name(), day.kind());
	}

	@GetMapping("/working-days")
	@Operation(summary = "The add-th working day after from, not counting from")
	DateAnswer workingDays(@RequestParam String from, @RequestParam String add) {
		int n;
		try {
			n = Integer.parseInt(add.strip());
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest("WORKING_DAYS_INVALID", "add is a whole number",
					WorkingDayCalendar.MAX_WORKING_DAYS);
		}
		return new DateAnswer(calendar.addWorkingDays(date(from, "from"), n));
	}

	private static LocalDate date(String text, String name) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw DomainException.badRequest("DATE_INVALID", "Dates are written YYYY-MM-DD", name, text);
		}
	}
}
