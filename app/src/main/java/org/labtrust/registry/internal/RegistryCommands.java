package org.labtrust.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CertificateStatusChanged;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.ScopeRowStatusChanged;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.AuditTrail;
import org.labtrust.shared.access.Permission;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the registry that other modules decide (licensing suspends a certificate, supervision
 * suspends scope rows). Each change is recorded and published as an event in the same
 * transaction, so the search index and every other reader follow it.
 */
@Service
public class RegistryCommands {

	private final CertificateRepository certificates;

	private final ScopeRowRepository scopeRows;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	private final CodeTables codes = CodeTables.load();

	RegistryCommands(CertificateRepository certificates, ScopeRowRepository scopeRows,
			ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
		this.certificates = certificates;
		this.scopeRows = scopeRows;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Changes a certificate's status on behalf of an officer whose jurisdiction covers the issuing
	 * authority. The public history names the acting authority; the audit trail names the person.
	 */
	@Transactional
	public CertificateStatusChanged changeCertificateStatus(Actor actor, String number, CertificateStatus target,
			String reason) {
		actor.require(Permission.CERTIFICATE_STATUS_CHANGE);
		CmaNumber parsed = CmaNumber.parse(number, codes);
		Certificate certificate = certificates.findByNumber(parsed.value())
			.orElseThrow(() -> DomainException.notFound("CERT_NOT_FOUND", "No certificate " + parsed.value(),
					parsed.value()));
		if (!actor.covers(certificate.getAuthorityCode())) {
			throw Actor.forbidden();
		}
		return applyStatusChange(certificate, target, codes.authorityNameZh(actor.jurisdiction().authorityCode()),
				reason);
	}

	/**
	 * Moves the certificate to {@code target}: its public status history names {@code changedBy}
	 * (an authority), the change is published and put on the audit trail (which names whoever acts).
	 * For callers that have checked who may: an officer's change above, the expiry job.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CertificateStatusChanged applyStatusChange(Certificate certificate, CertificateStatus target,
			String changedBy, String reason) {
		CertificateStatus from = certificate.getStatus();
		Instant now = clock.instant();
		certificate.changeStatus(target, changedBy, reason, now);
		CertificateStatusChanged event = new CertificateStatusChanged(certificate.getId(),
				certificate.getBody().getId(), certificate.getNumber(), from, target, changedBy, reason, now);
		events.publishEvent(event);
		audit.record(new AuditTrail.Entry("certificate.status.change", "certificate", certificate.getNumber(),
				certificate.getAuthorityCode(), Map.of("from", from.name(), "to", target.name(), "reason", reason)));
		return event;
	}

	@Transactional
	public ScopeRowStatusChanged changeScopeRowStatus(Actor actor, long scopeRowId, ScopeStatus target,
			String reason) {
		actor.require(Permission.CERTIFICATE_STATUS_CHANGE);
		ScopeRow row = scopeRows.findById(scopeRowId)
			.orElseThrow(() -> DomainException.notFound("SCOPE_ROW_NOT_FOUND", "No scope row " + scopeRowId,
					scopeRowId));
		if (!actor.covers(row.getCertificate().getAuthorityCode())) {
			throw Actor.forbidden();
		}
		if (reason == null || reason.isBlank()) {
			throw DomainException.badRequest("SCOPE_STATUS_REASON_REQUIRED", "A status change needs a reason");
		}
		ScopeStatus from = row.getStatus();
		row.changeStatus(target);
		Certificate certificate = row.getCertificate();
		String changedBy = codes.authorityNameZh(actor.jurisdiction().authorityCode());
		ScopeRowStatusChanged event = new ScopeRowStatusChanged(row.getId(), certificate.getId(),
				certificate.getNumber(), certificate.getBody().getId(), from, target, changedBy, reason,
				clock.instant());
		events.publishEvent(event);
		audit.record(new AuditTrail.Entry("scope-row.status.change", "scope-row", Long.toString(row.getId()),
				certificate.getAuthorityCode(), Map.of("certificate", certificate.getNumber(), "from", from.name(),
						"to", target.name(), "reason", reason)));
		return event;
	}
}
