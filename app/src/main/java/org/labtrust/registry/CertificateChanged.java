package org.labtrust.registry;

import java.time.Instant;

/**
 * A licensing decision changed a certificate or its holder: granted, renewed, scope extended or
 * withdrawn, body details changed. Status changes have their own event, {@link CertificateStatusChanged}.
 */
public record CertificateChanged(long certificateId, long bodyId, String number, Licences.ChangeKind kind,
		Long applicationId, Instant at) {
}
