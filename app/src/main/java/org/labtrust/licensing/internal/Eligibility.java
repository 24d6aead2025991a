package org.labtrust.licensing.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.labtrust.licensing.ApplicationType;
import org.labtrust.licensing.ChangeItem;
import org.labtrust.licensing.ProcedureRules;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.Licences;
import org.labtrust.shared.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a body may apply for, from its record: bars after a false commitment (BRIEF 1.7), the
 * general procedure after a withdrawn commitment application, violations in the licensing period
 * (for document review), and whether the certificate an application concerns is the body's own
 * and still in force.
 */
@Component
class Eligibility {

	/** Application types that concern a certificate the body holds. */
	private static final Set<ApplicationType> ON_A_CERTIFICATE = Set.of(ApplicationType.RENEWAL, ApplicationType.CHANGE,
			ApplicationType.SCOPE_EXTENSION, ApplicationType.SITE_CHANGE, ApplicationType.EMERGENCY_EXTENSION,
			ApplicationType.CANCELLATION);

	private final JdbcClient jdbc;

	private final Licences licences;

	Eligibility(JdbcClient jdbc, Licences licences) {
		this.jdbc = jdbc;
		this.licences = licences;
	}

	/** The facts {@link ProcedureRules} decides on, for this body and request. */
	ProcedureRules.Applicant applicant(long bodyId, ApplicationType type, Set<String> fields, boolean specialFoods,
			Set<ChangeItem> changes, String certificateNumber) {
		return new ProcedureRules.Applicant(type, fields, specialFoods, commitmentBarredUntil(bodyId), violations(
				certificateNumber), changes);
	}

	/** The day until which the body may not apply at all, if a bar runs. */
	Optional<LocalDate> barredUntil(long bodyId, LocalDate today) {
		return jdbc.sql("select max(barred_until) from licensing_bar where body_id = ?")
			.param(bodyId)
			.query(LocalDate.class)
			.optional()
			.filter(until -> until != null && today.isBefore(until));
	}

	/**
	 * A false commitment bars the procedure for good; a commitment application withdrawn after
	 * submission sends the body's next application to the general procedure (BRIEF 1.7).
	 * {@link LocalDate#MAX} for "always".
	 */
	private LocalDate commitmentBarredUntil(long bodyId) {
		boolean barred = jdbc.sql("""
				select exists (select 1 from licensing_bar where body_id = ? and commitment_barred)
				    or coalesce((select a.procedure = 'COMMITMENT' and a.state = 'WITHDRAWN' from application a
				                 where a.body_id = ? and exists (select 1 from application_event e
				                                                 where e.application_id = a.id and e.event = 'SUBMIT')
				                 order by a.id desc limit 1), false)""")
			.params(bodyId, bodyId)
			.query(Boolean.class)
			.single();
		return barred ? LocalDate.MAX : null;
	}

	/**
	 * Violations in the period, for document review: the certificate was suspended or part of its
	 * scope was, since it was issued. (The credit record, when it exists, is the better source.)
	 */
	private boolean violations(String certificateNumber) {
		if (certificateNumber == null) {
			return false;
		}
		return jdbc.sql("""
				select exists (select 1 from certificate_status_change h join certificate c on c.id = h.certificate_id
				               where c.number = ? and h.to_status in ('SUSPENDED', 'REVOKED'))
				    or exists (select 1 from scope_row r join certificate c on c.id = r.certificate_id
				               where c.number = ? and r.status = 'SUSPENDED')""")
			.params(certificateNumber, certificateNumber)
			.query(Boolean.class)
			.single();
	}

	/** The certificate an application concerns: required where the type needs one, the body's own, in force. */
	void checkCertificate(long bodyId, ApplicationType type, String certificateNumber) {
		if (!ON_A_CERTIFICATE.contains(type)) {
			if (certificateNumber != null) {
				throw DomainException.badRequest("CERTIFICATE_NOT_EXPECTED",
						"A " + type + " application does not concern an existing certificate", type.name());
			}
			return;
		}
		if (certificateNumber == null || certificateNumber.isBlank()) {
			throw DomainException.badRequest("CERTIFICATE_REQUIRED",
					"A " + type + " application names the certificate it concerns", type.name());
		}
		Licences.Held held = licences.find(certificateNumber)
			.filter(certificate -> certificate.bodyId() == bodyId)
			.orElseThrow(() -> new DomainException("CERTIFICATE_NOT_OWNED", 422,
					"Certificate " + certificateNumber + " is not one of this body's", certificateNumber));
		if (held.status() != CertificateStatus.VALID && held.status() != CertificateStatus.SUSPENDED) {
			throw new DomainException("CERTIFICATE_NOT_IN_FORCE", 409,
					"Certificate " + certificateNumber + " is " + held.status(), certificateNumber, held.status());
		}
	}
}
