package org.labtrust.shared.access;

/**
 * What an actor may do. Endpoints and services ask for a permission, never for a role, so that the
 * mapping from roles to permissions ({@link Role}) is the one place that decides who may do what.
 */
public enum Permission {

	/** Create, disable and unlock staff and body accounts within one's jurisdiction. */
	ACCOUNT_MANAGE,
	/** Create and revoke API keys of one's own body. */
	API_KEY_MANAGE_OWN_BODY,
	/** Create and revoke API keys of any body or partner within one's jurisdiction. */
	API_KEY_MANAGE,
	/** Read a body's internal record (its accounts and keys), within one's jurisdiction or body. */
	BODY_RECORD_READ,
	/** Suspend, revoke, cancel or restore a certificate within one's jurisdiction. */
	CERTIFICATE_STATUS_CHANGE,
	/** File and revoke test reports of one's own body. */
	REPORT_FILE,
	/** Submit and follow licensing applications of one's own body. */
	APPLICATION_SUBMIT,
	/** Accept or return licensing applications (受理). */
	APPLICATION_ACCEPT,
	/** Decide licensing applications (approve, refuse) and sign certificates. */
	APPLICATION_DECIDE,
	/** Carry out technical assessments as a member of an assessment team. */
	ASSESSMENT_PERFORM,
	/** Carry out and record supervision inspections. */
	INSPECTION_PERFORM,
	/** Run proficiency testing schemes. */
	PT_COORDINATE,
	/** Keep the credit record and the dishonesty list. */
	CREDIT_RECORD_EDIT,
	/** Check many registry entries at once (partner systems). */
	REGISTRY_CROSS_CHECK,
	/** Search the audit trail and verify its chain, within one's jurisdiction. */
	AUDIT_READ,
	/** Enter or correct a year of the working-day calendar (national administrators). */
	CALENDAR_EDIT,
	/** Read operational metrics (Prometheus). */
	METRICS_READ
}
