package org.labtrust.licensing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.labtrust.licensing.ApplicationState;
import org.labtrust.licensing.StatutoryClock;
import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.DomainException;

/**
 * The overall clock of an application, read from its history: the stops while the authority
 * waited for the applicant (the correction notice, rectification), and the working days the
 * authority's own steps have used, technical assessment not counted (BRIEF 1.4).
 *
 * @param authorityWorkingDays null when a stretch falls in a year without holiday data
 */
public record ClockReading(List<Stop> stops, Integer authorityWorkingDays) {

	/**
	 * A stop; {@code to} is null while it lasts.
	 *
	 * @param reason the event that asked the applicant, e.g. {@code REQUEST_CORRECTION}
	 * @param workingDays null when it falls in a year without holiday data
	 */
	public record Stop(LocalDate from, LocalDate to, Integer workingDays, String reason) {
	}

	public static ClockReading of(List<Application.Event> history, LocalDate today, StatutoryClock clock) {
		List<Stop> stops = new ArrayList<>();
		Integer used = 0;
		for (int i = 0; i < history.size(); i++) {
			Application.Event event = history.get(i);
			ApplicationState state = event.to();
			LocalDate from = LocalDate.ofInstant(event.at(), ChinaTime.ZONE);
			LocalDate to = i + 1 < history.size() ? LocalDate.ofInstant(history.get(i + 1).at(), ChinaTime.ZONE) : null;
			Integer days = workingDays(clock, from, to == null ? today : to);
			if (state.clock() == ApplicationState.Clock.APPLICANT && state != ApplicationState.DRAFT) {
				stops.add(new Stop(from, to, days, event.event()));
			}
			else if (state.clock() == ApplicationState.Clock.AUTHORITY && used != null) {
				used = days == null ? null : used + days;
			}
		}
		return new ClockReading(stops, used);
	}

	private static Integer workingDays(StatutoryClock clock, LocalDate from, LocalDate to) {
		try {
			return clock.workingDaysBetween(from, to);
		}
		catch (DomainException e) {
			if ("CALENDAR_YEAR_UNKNOWN".equals(e.code())) {
				return null;
			}
			throw e;
		}
	}
}
