package org.labtrust.licensing;

/**
 * The statutory steps whose time limits run (BRIEF 1.4, 1.7). A step may span several states:
 * technical assessment runs from acceptance to the team's conclusion, and stops while the
 * applicant rectifies.
 */
public enum Step {

	ACCEPTANCE, ASSESSMENT, RECTIFICATION, DECISION, ISSUANCE, VERIFICATION;

	/** The step an application in this state is in, or null when no limit runs. */
	public static Step of(Procedure procedure, ApplicationState state) {
		return switch (state) {
			case SUBMITTED -> ACCEPTANCE;
			case ACCEPTED -> procedure == Procedure.COMMITMENT ? DECISION : ASSESSMENT;
			case IN_ASSESSMENT -> ASSESSMENT;
			case RECTIFICATION -> RECTIFICATION;
			case ASSESSED -> DECISION;
			case APPROVED -> ISSUANCE;
			case AWAITING_VERIFICATION -> VERIFICATION;
			default -> null;
		};
	}
}
