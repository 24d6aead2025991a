package org.labtrust.shared.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.Stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.labtrust.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working days around the statutory holidays of the State Council notices, 2015 to 2026. */
class WorkingDayCalendarTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final WorkingDayCalendar calendar = new WorkingDayCalendar(meters);

	@Test
	void knowsTheShippedYearsAndNoOther() {
		assertThat(calendar.knownYears()).containsExactly(2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024,
				2025, 2026);
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "2025-10-01, HOLIDAY, 国庆节、中秋节", "2025-10-08, HOLIDAY, 国庆节、中秋节",
			"2025-09-28, MAKEUP_WORKDAY, 国庆节、中秋节", "2025-10-11, MAKEUP_WORKDAY, 国庆节、中秋节",
			"2025-10-12, WEEKEND, ", "2025-10-09, WORKDAY, ", "2025-01-28, HOLIDAY, 春节",
			"2025-01-26, MAKEUP_WORKDAY, 春节", "2020-01-31, HOLIDAY, 春节" })
	void classifiesDaysAsTheNoticesSay(LocalDate date, WorkingDayCalendar.Kind kind, String name) {
		WorkingDayCalendar.Day day = calendar.day(date);
		assertThat(day.kind()).isEqualTo(kind);
		assertThat(day.name()).isEqualTo(name);
		assertThat(day.workingDay()).isEqualTo(kind == WorkingDayCalendar.Kind.WORKDAY
				|| kind == WorkingDayCalendar.Kind.MAKEUP_WORKDAY);
	}

	@ParameterizedTest(name = "{1} working days after {0} is {2}")
	@CsvSource({ "2025-09-30, 1, 2025-10-09", // the National Day week is skipped
			"2025-09-30, 5, 2025-10-14", // Saturday 11 October is a make-up working day
			"2025-09-26, 1, 2025-09-28", // Sunday 28 September too
			"2025-09-26, 2, 2025-09-29", "2025-10-10, 1, 2025-10-11", "2025-10-11, 1, 2025-10-13",
			"2024-12-31, 1, 2025-01-02", // across a year, past New Year's Day
			"2025-12-31, 5, 2026-01-08" })
	void countsWorkingDaysAfterTheStartNotCountingIt(LocalDate from, int n, LocalDate expected) {
		assertThat(calendar.addWorkingDays(from, n)).isEqualTo(expected);
	}

	@Test
	void aYearWithoutDataIsUnknownAndRaisesAnAlertNotAGuess() {
		assertThatThrownBy(() -> calendar.day(LocalDate.of(2027, 1, 4)))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("CALENDAR_YEAR_UNKNOWN");
				assertThat(e.status()).isEqualTo(422);
			});
		assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2026, 12, 28), 5))
			.isInstanceOf(DomainException.class)
			.hasMessageContaining("2027");
		assertThatThrownBy(() -> calendar.day(LocalDate.of(2014, 12, 31))).isInstanceOf(DomainException.class);
		assertThat(meters.counter("labtrust.calendar.unknown.year").count()).isEqualTo(3);
	}

	@Test
	void refusesCountsOutsideTheAllowedRange() {
		for (int n : new int[] { 0, -1, WorkingDayCalendar.MAX_WORKING_DAYS + 1 }) {
			assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.of(2025, 1, 2), n))
				.isInstanceOfSatisfying(DomainException.class,
						e -> assertThat(e.code()).isEqualTo("WORKING_DAYS_INVALID"));
		}
	}

	static Stream<Arguments> seededSpans() {
		Random random = new Random(20261127);
		return Stream.generate(() -> Arguments.of(LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000)),
				1 + random.nextInt(60)))
			.limit(300);
	}

	@ParameterizedTest
	@MethodSource("seededSpans")
	void theResultIsAWorkingDayWithExactlyNWorkingDaysUpToIt(LocalDate from, int n) {
		LocalDate result = calendar.addWorkingDays(from, n);
		assertThat(calendar.isWorkingDay(result)).isTrue();
		assertThat(calendar.workingDaysBetween(from, result)).isEqualTo(n);
		assertThat(calendar.workingDaysBetween(from, result.minusDays(1))).isEqualTo(n - 1);
	}

	@Test
	void everyYearHasTheUsualNumberOfWorkingDays() {
		for (int year = 2015; year <= 2026; year++) {
			int working = calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
			// 365 days less about 104 weekend days and 11 holiday days that fall on weekdays, plus make-up days
			assertThat(working).as("working days of %d", year).isBetween(244, 252);
			long weekdays = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
				.filter(d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY)
				.count();
			assertThat(working).isLessThan((int) weekdays + 8);
		}
	}
}
