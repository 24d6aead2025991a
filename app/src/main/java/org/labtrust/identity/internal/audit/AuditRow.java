package org.labtrust.identity.internal.audit;

import java.time.Instant;

/** One row of the audit trail as stored and as hashed. */
public record AuditRow(long seq, Instant occurredAt, String actorKind, String actorId, String actorName,
		String actorRoles, String actorJurisdiction, Long actorBodyId, String action, String outcome,
		String targetType, String targetId, String targetAuthority, String detail, String requestId,
		String clientAddress, byte[] prevHash, byte[] hash) {
}
