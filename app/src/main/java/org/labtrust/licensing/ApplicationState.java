package org.labtrust.licensing;

/** Where an application stands. */
public enum ApplicationState {

	DRAFT(Clock.APPLICANT), SUBMITTED(Clock.AUTHORITY), CORRECTION_REQUESTED(Clock.APPLICANT), ACCEPTED(Clock.AUTHORITY),
	IN_ASSESSMENT(Clock.ASSESSMENT), RECTIFICATION(Clock.APPLICANT), ASSESSED(Clock.AUTHORITY),
	APPROVED(Clock.AUTHORITY),
	/** Self-declared change in force from filing, open to later check. */
	EFFECTIVE(Clock.NONE),
	/** Licence issued under commitment; on-site verification due within 3 months. */
	AWAITING_VERIFICATION(Clock.AUTHORITY),
	ISSUED(Clock.NONE), VERIFIED(Clock.NONE), CHECKED(Clock.NONE), NOT_ACCEPTED(Clock.NONE), REFUSED(Clock.NONE),
	WITHDRAWN(Clock.NONE),
	/** A false commitment (BRIEF 1.7): licence revoked, reapplication barred for 3 years. */
	COMMITMENT_FALSE(Clock.NONE),
	/** A self-declaration found untrue on check. */
	DECLARATION_FALSE(Clock.NONE);

	/** Whose time runs while an application is in this state. */
	public enum Clock {
		/** the authority's statutory clock runs */
		AUTHORITY,
		/** technical assessment: its own limit, not counted in the licensing period (BRIEF 1.4) */
		ASSESSMENT,
		/** waiting for the applicant: the authority's clock stops */
		APPLICANT,
		/** nothing is due */
		NONE
	}

	private final Clock clock;

	ApplicationState(Clock clock) {
		this.clock = clock;
	}

	public Clock clock() {
		return clock;
	}

	public boolean isFinal() {
		return this == ISSUED || this == VERIFIED || this == CHECKED || this == NOT_ACCEPTED || this == REFUSED
				|| this == WITHDRAWN || this == COMMITMENT_FALSE || this == DECLARATION_FALSE;
	}
}
