package org.labtrust.licensing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.labtrust.licensing.ApplicationState;
import org.labtrust.licensing.ApplicationType;
import org.labtrust.licensing.Procedure;
import org.labtrust.licensing.Step;

/**
 * An application as stored, with its clock. {@code dueUnknown}: the due date falls in a year
 * without holiday data (the calendar alerted); it is computed once the year is entered.
 *
 * @param certificateNumber the certificate a renewal, change, extension or cancellation concerns
 * @param changes the new values a change asks for, by item ({@code NAME}, {@code SITE_ADDRESS}, ...)
 * @param issuedCertificateNumber the certificate the decision issued or changed, once it has
 * @param assessmentMode ON_SITE, REMOTE or DOCUMENTS, once the assessment started
 */
public record Application(long id, long bodyId, String authorityCode, ApplicationType type, Procedure procedure,
		ApplicationState state, List<String> fieldCodes, boolean specialFoods, List<String> changeItems,
		String certificateNumber, Step step, LocalDate stepBeganOn, int pausedWorkingDays, LocalDate waitingSince,
		LocalDate dueOn, boolean dueUnknown, Instant createdAt, Instant updatedAt, long version, String industryCode,
		Map<String, String> changes, Instant commitmentSignedAt, LocalDate rectificationDueOn,
		String issuedCertificateNumber, String assessmentMode) {

	public Application {
		fieldCodes = List.copyOf(fieldCodes);
		changeItems = List.copyOf(changeItems);
		changes = Map.copyOf(changes);
	}

	/** One thing that happened to it. */
	public record Event(String event, ApplicationState from, ApplicationState to, Instant at, String actor,
			String note) {
	}

	/** One row of the scope applied for. */
	public record ScopeLine(int lineNo, String fieldCode, String objectName, String parameterName, String methodCode,
			String limitation) {
	}
}
