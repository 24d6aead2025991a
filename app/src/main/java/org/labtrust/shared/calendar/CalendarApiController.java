package org.labtrust.shared.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.labtrust.shared.DomainException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public working-day calendar that statutory deadlines are counted on. */
@RestController
@RequestMapping(path = "/api/v1/calendar", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calendar", description = "Chinese working days: statutory holidays and make-up working days")
class CalendarApiController {

	private final WorkingDayCalendar calendar;

	CalendarApiController(WorkingDayCalendar calendar) {
		this.calendar = calendar;
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
