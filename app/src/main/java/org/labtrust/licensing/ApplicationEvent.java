package org.labtrust.licensing;

/** What someone does to an application. */
public enum ApplicationEvent {

	/** the body submits (a commitment application carries the signed commitment) */
	SUBMIT,
	/** the officer sends the one-time notice listing everything missing (一次性告知补正) */
	REQUEST_CORRECTION,
	/** the body supplies what the notice listed */
	RESUBMIT,
	/** the officer accepts (受理) */
	ACCEPT,
	/** the officer declines to accept (不予受理), with reasons */
	DECLINE,
	/** the team starts the document review and on-site or remote assessment */
	START_ASSESSMENT,
	/** the team records nonconformities the body must rectify (at most 30 working days) */
	REQUEST_RECTIFICATION,
	/** the body reports the rectification */
	RECTIFY,
	/** the team gives its conclusion */
	CONCLUDE_ASSESSMENT,
	/** the decision officer approves */
	APPROVE,
	/** the decision officer refuses, with reasons */
	REFUSE,
	/** the certificate is issued (registry written) */
	ISSUE,
	/** the body withdraws before the decision */
	WITHDRAW,
	/** post-approval verification confirms the commitment */
	CONFIRM_COMMITMENT,
	/** post-approval verification finds the commitment false */
	FIND_COMMITMENT_FALSE,
	/** a later check confirms a self-declaration */
	CHECK,
	/** a later check finds a self-declaration untrue */
	FIND_DECLARATION_FALSE
}
