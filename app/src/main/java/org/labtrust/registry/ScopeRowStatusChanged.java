package org.labtrust.registry;

import java.time.Instant;

/** One row of a certificate's capability scope was suspended, reinstated or withdrawn. */
public record ScopeRowStatusChanged(long scopeRowId, long certificateId, String certificateNumber, long bodyId, ScopeStatus from,
		ScopeStatus to, String actor, String reason, Instant at) {
}
