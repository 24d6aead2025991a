package org.labtrust.shared.access;

import java.util.EnumSet;
import java.util.Set;

import static org.labtrust.shared.access.Permission.ACCOUNT_MANAGE;
import static org.labtrust.shared.access.Permission.API_KEY_MANAGE;
import static org.labtrust.shared.access.Permission.API_KEY_MANAGE_OWN_BODY;
import static org.labtrust.shared.access.Permission.APPLICATION_ACCEPT;
import static org.labtrust.shared.access.Permission.APPLICATION_DECIDE;
import static org.labtrust.shared.access.Permission.APPLICATION_SUBMIT;
import static org.labtrust.shared.access.Permission.ASSESSMENT_PERFORM;
import static org.labtrust.shared.access.Permission.AUDIT_READ;
import static org.labtrust.shared.access.Permission.BODY_RECORD_READ;
import static org.labtrust.shared.access.Permission.CALENDAR_EDIT;
import static org.labtrust.shared.access.Permission.CERTIFICATE_STATUS_CHANGE;
import static org.labtrust.shared.access.Permission.CREDIT_RECORD_EDIT;
import static org.labtrust.shared.access.Permission.INSPECTION_PERFORM;
import static org.labtrust.shared.access.Permission.METRICS_READ;
import static org.labtrust.shared.access.Permission.PT_COORDINATE;
import static org.labtrust.shared.access.Permission.REGISTRY_CROSS_CHECK;
import static org.labtrust.shared.access.Permission.REPORT_FILE;

/**
 * The roles of the platform and, in this one table, the permissions each grants. Review this
 * file to know who may do what; jurisdiction (national or one province) and body binding narrow
 * every permission further in the services.
 */
public enum Role {

	/** Staff of one body: files reports, follows applications. */
	BODY_USER(Kind.BODY, REPORT_FILE, APPLICATION_SUBMIT),
	/** Administrator of one body: as a body user, plus the body's API keys and record. */
	BODY_ADMIN(Kind.BODY, REPORT_FILE, APPLICATION_SUBMIT, API_KEY_MANAGE_OWN_BODY, BODY_RECORD_READ),
	/** Checks applications for completeness and accepts them (受理). */
	ACCEPTANCE_OFFICER(Kind.REGULATOR, APPLICATION_ACCEPT, BODY_RECORD_READ),
	/** Decides applications and changes certificate status. */
	DECISION_OFFICER(Kind.REGULATOR, APPLICATION_DECIDE, CERTIFICATE_STATUS_CHANGE, BODY_RECORD_READ),
	/** Inspects bodies ("double random, one public"). */
	INSPECTOR(Kind.REGULATOR, INSPECTION_PERFORM, BODY_RECORD_READ),
	/** Runs proficiency testing. */
	PT_COORDINATOR(Kind.REGULATOR, PT_COORDINATE, BODY_RECORD_READ),
	/** Keeps the credit record and the dishonesty list. */
	CREDIT_OFFICER(Kind.REGULATOR, CREDIT_RECORD_EDIT, BODY_RECORD_READ),
	/** Administers accounts, keys and the audit trail of a jurisdiction; decides nothing. */
	ADMINISTRATOR(Kind.REGULATOR, ACCOUNT_MANAGE, API_KEY_MANAGE, AUDIT_READ, METRICS_READ,
			BODY_RECORD_READ, CALENDAR_EDIT),
	/** An outside expert on assessment teams; sees only what a team assigns. */
	ASSESSOR(Kind.EXPERT, ASSESSMENT_PERFORM),
	/** Another agency's system that cross-checks the registry by API. */
	PARTNER_SYSTEM(Kind.PARTNER, REGISTRY_CROSS_CHECK);

	/** Who holds a role decides what it must be bound to. */
	public enum Kind {
		/** bound to one body */
		BODY,
		/** bound to a jurisdiction: national or one province */
		REGULATOR,
		/** neither: an individual expert */
		EXPERT,
		/** neither: an outside system */
		PARTNER
	}

	private final Kind kind;

	private final Set<Permission> permissions;

	Role(Kind kind, Permission first, Permission... rest) {
		this.kind = kind;
		this.permissions = Set.copyOf(EnumSet.of(first, rest));
	}

	public Kind kind() {
		return kind;
	}

	public Set<Permission> permissions() {
		return permissions;
	}
}
