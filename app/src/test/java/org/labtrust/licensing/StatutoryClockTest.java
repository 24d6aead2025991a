package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.calendar.WorkingDayCalendar;

/** Deadlines across National Day 2025 (1 to 8 October off; Sunday 28 September and Saturday 11 October worked). */
class StatutoryClockTest {

	final StatutoryClock clock = new StatutoryClock(new WorkingDayCalendar(new SimpleMeterRegistry()), TimeLimits.DEFAULTS);

	@Test
	void acceptanceWithinFiveWorkingDaysSkipsTheHolidayAndCountsTheMakeUpSaturday() {
		// submitted Monday 29 September: 30 Sep, then 9, 10, 11 (Saturday, worked) and 13 October
		assertThat(clock.due(Step.ACCEPTANCE, LocalDate.of(2025, 9, 29), 0)).isEqualTo(LocalDate.of(2025, 10, 13));
		// submitted on the make-up Sunday 28 September: the count starts the next day
		assertThat(clock.due(Step.ACCEPTANCE, LocalDate.of(2025, 9, 28), 0)).isEqualTo(LocalDate.of(2025, 10, 11));
	}

	@Test
	void waitingForTheApplicantPushesTheDueDateBackByTheWorkingDaysItTook() {
		// the correction notice went out on 30 September and was answered on 10 October: 2 working days
		int paused = clock.workingDaysBetween(LocalDate.of(2025, 9, 30), LocalDate.of(2025, 10, 10));
		assertThat(paused).isEqualTo(2);
		assertThat(clock.due(Step.ACCEPTANCE, LocalDate.of(2025, 9, 29), paused)).isEqualTo(LocalDate.of(2025, 10, 15));
	}

	@Test
	void decisionIssuanceAndVerificationLimits() {
		// New Year 2026: 1 to 3 January off, Sunday 4 January worked
		assertThat(clock.due(Step.DECISION, LocalDate.of(2025, 12, 31), 0)).isEqualTo(LocalDate.of(2026, 1, 15));
		// Spring Festival 2026: 15 to 23 February off, Saturdays 14 and 28 February worked
		assertThat(clock.due(Step.ISSUANCE, LocalDate.of(2026, 2, 12), 0)).isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(clock.due(Step.VERIFICATION, LocalDate.of(2026, 11, 30), 0)).isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@Test
	void daysLeftCountDownAndGoNegativeWhenOverdue() {
		LocalDate due = LocalDate.of(2025, 10, 13);
		assertThat(clock.workingDaysLeft(LocalDate.of(2025, 9, 30), due)).isEqualTo(4);
		assertThat(clock.workingDaysLeft(due, due)).isZero();
		assertThat(clock.workingDaysLeft(LocalDate.of(2025, 10, 15), due)).isEqualTo(-2);
	}

	@Test
	void aDeadlineInAYearWithoutHolidayDataFailsRatherThanGuesses() {
		assertThatThrownBy(() -> clock.due(Step.DECISION, LocalDate.of(2026, 12, 28), 0))
			.isInstanceOf(DomainException.class)
			.satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("CALENDAR_YEAR_UNKNOWN"));
	}

	@Test
	void applicantStepsStopTheAuthoritysClock() {
		assertThat(ApplicationState.RECTIFICATION.clock()).isEqualTo(ApplicationState.Clock.APPLICANT);
		assertThat(ApplicationState.CORRECTION_REQUESTED.clock()).isEqualTo(ApplicationState.Clock.APPLICANT);
		assertThat(Step.of(Procedure.GENERAL, ApplicationState.ACCEPTED)).isEqualTo(Step.ASSESSMENT);
		assertThat(Step.of(Procedure.COMMITMENT, ApplicationState.ACCEPTED)).isEqualTo(Step.DECISION);
		assertThat(Step.of(Procedure.GENERAL, ApplicationState.CORRECTION_REQUESTED)).isNull();
	}
}
