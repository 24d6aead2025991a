package org.labtrust.licensing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether the procedure an applicant chose is open to it (the applicant chooses where the law
 * allows: BRIEF 1.3). Each reason it is not is a stable code, so that the application form can say
 * exactly why.
 */
public final class ProcedureRules {

	/** Professional field code of medical devices (BRIEF 2.1), excluded from the commitment procedure. */
	public static final String MEDICAL_DEVICES_FIELD = "15";

	/**
	 * What the choice depends on.
	 *
	 * @param fieldCodes the professional fields applied for (BRIEF 2.1 codes)
	 * @param specialFoods whether special foods (特殊食品) are among the test items
	 * @param commitmentBarredUntil set when a false commitment barred the body from the procedure
	 * (BRIEF 1.7); null otherwise
	 * @param violationsInPeriod whether the body had violations in the licensing period ending (renewals)
	 * @param changes the items a change application changes
	 */
	public record Applicant(ApplicationType type, Set<String> fieldCodes, boolean specialFoods,
			LocalDate commitmentBarredUntil, boolean violationsInPeriod, Set<ChangeItem> changes) {

		public Applicant {
			fieldCodes = Set.copyOf(fieldCodes);
			changes = Set.copyOf(changes);
		}
	}

	private ProcedureRules() {
	}

	/** Why the procedure is not open to the applicant on {@code today}; empty when it is. */
	public static List<String> refusals(Procedure procedure, Applicant applicant, LocalDate today) {
		List<String> refusals = new ArrayList<>();
		if (!procedure.covers(applicant.type())) {
			refusals.add("PROCEDURE_NOT_FOR_TYPE");
			return refusals;
		}
		switch (procedure) {
			case COMMITMENT -> {
				if (applicant.specialFoods() || applicant.fieldCodes().contains(MEDICAL_DEVICES_FIELD)) {
					refusals.add("COMMITMENT_EXCLUDED_FIELD");
				}
				if (applicant.commitmentBarredUntil() != null && today.isBefore(applicant.commitmentBarredUntil())) {
					refusals.add("COMMITMENT_BARRED");
				}
			}
			case DOCUMENT_REVIEW -> {
				if (applicant.violationsInPeriod()) {
					refusals.add("DOCUMENT_REVIEW_VIOLATIONS");
				}
			}
			case SELF_DECLARATION -> {
				if (applicant.changes().isEmpty()
						|| !applicant.changes().stream().allMatch(ChangeItem::selfDeclarable)) {
					refusals.add("SELF_DECLARATION_NOT_ELIGIBLE");
				}
			}
			case GENERAL -> {
				if (applicant.type() == ApplicationType.CHANGE && applicant.changes().isEmpty()) {
					refusals.add("CHANGE_ITEMS_MISSING");
				}
			}
		}
		return refusals;
	}
}
