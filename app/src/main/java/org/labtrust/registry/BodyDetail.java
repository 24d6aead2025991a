package org.labtrust.registry;

import java.time.LocalDate;
import java.util.List;

/** A body with its sites, certificates and every scope row, as the public sees it. */
public record BodyDetail(long id, String name, String creditCode, String legalForm, String legalRepresentative,
		String divisionCode, String provinceCode, String provinceName, String address, List<Site> sites,
		List<Certificate> certificates) {

	public record Site(long id, String name, String address, String divisionCode) {
	}

	public record Certificate(String number, String authorityCode, String authorityName, String fieldCode,
			String fieldName, String industryCode, LocalDate issuedOn, LocalDate validUntil, CertificateStatus status,
			List<ScopeRowView> scope) {
	}
}
