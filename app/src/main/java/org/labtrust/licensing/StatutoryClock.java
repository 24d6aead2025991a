package org.labtrust.licensing;

import java.time.LocalDate;

import org.labtrust.shared.DomainException;
import org.labtrust.shared.calendar.WorkingDayCalendar;

/**
 * Due dates on the working-day calendar. A step's limit counts working days after the day it
 * began (that day not counted), pushed back by the working days the clock stood still waiting for
 * the applicant. A year without holiday data fails with {@code CALENDAR_YEAR_UNKNOWN} rather than
 * guess.
 */
public final class StatutoryClock {

	private final WorkingDayCalendar calendar;

	private final TimeLimits limits;

	public StatutoryClock(WorkingDayCalendar calendar, TimeLimits limits) {
		this.calendar = calendar;
		this.limits = limits;
	}

	/** When the step begun on {@code began} is due, after {@code pausedWorkingDays} of standstill. */
	public LocalDate due(Step step, LocalDate began, int pausedWorkingDays) {
		if (step == Step.VERIFICATION) {
			return began.plusMonths(limits.verificationMonths());
		}
		return calendar.addWorkingDays(began, limits.workingDays(step) + pausedWorkingDays);
	}

	/**
	 * Working days left until {@code due} (negative when overdue, 0 on the due day); null when
	 * there is no due date, or the days between fall in a year without holiday data (the calendar
	 * has alerted), so that one such application does not break a whole list.
	 */
	public Integer workingDaysLeft(LocalDate today, LocalDate due) {
		if (due == null) {
			return null;
		}
		try {
			return today.isAfter(due) ? -calendar.workingDaysBetween(due, today)
					: calendar.workingDaysBetween(today, due);
		}
		catch (DomainException e) {
			if ("CALENDAR_YEAR_UNKNOWN".equals(e.code())) {
				return null;
			}
			throw e;
		}
	}

	/** Working days from one day to another (the first not counted): a stop, or a stretch of a step. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return calendar.workingDaysBetween(from, to);
	}
}
