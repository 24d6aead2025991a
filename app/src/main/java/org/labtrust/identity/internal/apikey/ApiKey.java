package org.labtrust.identity.internal.apikey;

import java.time.Instant;
import java.util.Set;

import org.labtrust.shared.access.Permission;

/** An API key as stored, without its secret hash. */
public record ApiKey(String id, String label, OwnerKind ownerKind, Long bodyId, String jurisdiction,
		Set<Permission> permissions, Integer rateLimitPerMinute, Instant createdAt, String createdBy,
		Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt, String lastUsedFrom) {

	public enum OwnerKind {
		BODY, PARTNER
	}

	public enum State {
		ACTIVE, EXPIRED, REVOKED
	}

	public State stateAt(Instant now) {
		if (revokedAt != null) {
			return State.REVOKED;
		}
		return expiresAt.isAfter(now) ? State.ACTIVE : State.EXPIRED;
	}
}
