package org.labtrust.shared.access;

import java.util.Map;

/**
 * The append-only, hash-chained record of every state-changing action. Services call it in the
 * transaction that makes the change, so the entry exists exactly when the change does; the actor,
 * time, request id and client address are filled in by the trail itself.
 */
public interface AuditTrail {

	/** Records a change that succeeded (written when the surrounding transaction commits). */
	void record(Entry entry);

	/**
	 * Records a refused or failed attempt (a denied action, a failed login). Written at once in its
	 * own transaction, so that a rollback of the caller's work does not erase it.
	 */
	default void recordAttempt(Entry entry, String outcome) {
		recordAttempt(Actors.current(), entry, outcome);
	}

	/** As {@link #recordAttempt(Entry, String)}, for an actor not yet in the security context (a sign-in). */
	void recordAttempt(Actor actor, Entry entry, String outcome);

	/**
	 * What happened.
	 *
	 * @param action dotted verb, e.g. {@code certificate.status.change}
	 * @param targetType e.g. {@code certificate}
	 * @param targetId e.g. the certificate number
	 * @param targetAuthority the CMA authority whose jurisdiction the target lies in, or null
	 * @param detail small key-value facts (old and new status, reason); no personal data beyond need
	 */
	record Entry(String action, String targetType, String targetId, String targetAuthority,
			Map<String, String> detail) {

		public Entry {
			detail = detail == null ? Map.of() : Map.copyOf(detail);
		}

		public static Entry of(String action, String targetType, String targetId) {
			return new Entry(action, targetType, targetId, null, Map.of());
		}
	}
}
