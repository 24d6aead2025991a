package org.labtrust.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A certificate with its holder, status, full status history and scope rows. */
public record CertificateDetail(String number, String formattedNumber, CertificateStatus status, LocalDate issuedOn,
		LocalDate validUntil, String authorityCode, String authorityName, String fieldCode, String fieldName,
		String industryCode, String industryName, Holder body, List<StatusChange> history, List<ScopeRowView> scope,
		List<Decision> decisions) {

	public record Holder(long id, String name, String creditCode, String provinceCode, String address) {
	}

	public record StatusChange(CertificateStatus from, CertificateStatus to, Instant at, String by, String reason) {
	}

	/**
	 * What a licensing decision did to the certificate ({@code Licences.ChangeKind}: GRANTED,
	 * RENEWED, SCOPE_EXTENDED, ...), by which authority.
	 */
	public record Decision(String kind, Instant at, String by, String detail) {
	}
}
