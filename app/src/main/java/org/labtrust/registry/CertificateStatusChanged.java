package org.labtrust.registry;

import java.time.Instant;

/** A certificate's status changed (suspended, reinstated, revoked, cancelled, expired). */
public record CertificateStatusChanged(long certificateId, long bodyId, String number, CertificateStatus from,
		CertificateStatus to, String actor, String reason, Instant at) {
}
