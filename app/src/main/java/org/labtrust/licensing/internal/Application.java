package org.labtrust.licensing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.labtrust.licensing.ApplicationState;
import org.labtrust.licensing.ApplicationType;
import org.labtrust.licensing.Procedure;
import org.labtrust.licensing.Step;

/**
 * An application as stored, with its clock. {@code dueUnknown}: the due date falls in a year
 * without holiday data (the calendar alerted); it is computed once the year is entered.
 */
public record Application(long id, long bodyId, String authorityCode, ApplicationType type, Procedure procedure,
		ApplicationState state, List<String> fieldCodes, boolean specialFoods, List<String> changeItems,
		String certificateNumber, Step step, LocalDate stepBeganOn, int pausedWorkingDays, LocalDate waitingSince,
		LocalDate dueOn, boolean dueUnknown, Instant createdAt, Instant updatedAt, long version) {

	public Application {
		fieldCodes = List.copyOf(fieldCodes);
		changeItems = List.copyOf(changeItems);
	}

	/** One thing that happened to it. */
	public record Event(String event, ApplicationState from, ApplicationState to, Instant at, String actor,
			String note) {
	}
}
