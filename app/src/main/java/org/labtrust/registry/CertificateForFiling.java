package org.labtrust.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What report filing checks a certificate against: its holder, validity and status history, and
 * every scope row with its current status.
 *
 * @param statusHistory every status the certificate entered, oldest first (the first is issuance)
 */
public record CertificateForFiling(long id, String number, long bodyId, LocalDate issuedOn, LocalDate validUntil,
		List<StatusSince> statusHistory, List<ScopeLine> scope) {

	public CertificateForFiling {
		statusHistory = List.copyOf(statusHistory);
		scope = List.copyOf(scope);
	}

	/** The certificate entered {@code status} at {@code since}. */
	public record StatusSince(Instant since, CertificateStatus status) {
	}

	/** One scope row: the parameter, the canonical method code ({@link StandardCode#code()}) and status. */
	public record ScopeLine(int lineNo, String parameter, String methodCode, ScopeStatus status) {
	}
}
