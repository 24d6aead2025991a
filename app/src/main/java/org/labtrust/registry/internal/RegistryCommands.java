package org.labtrust.registry.internal;

import java.time.Clock;
import java.time.Instant;

import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CertificateStatusChanged;
import org.labtrust.registry.CmaNumber;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.ScopeRowStatusChanged;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.shared.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
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

	private final Clock clock;

	private final CodeTables codes = CodeTables.load();

	RegistryCommands(CertificateRepository certificates, ScopeRowRepository scopeRows,
			ApplicationEventPublisher events, Clock clock) {
		this.certificates = certificates;
		this.scopeRows = scopeRows;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public CertificateStatusChanged changeCertificateStatus(String number, CertificateStatus target, String actor,
			String reason) {
		CmaNumber parsed = CmaNumber.parse(number, codes);
		Certificate certificate = certificates.findByNumber(parsed.value())
			.orElseThrow(() -> DomainException.notFound("CERT_NOT_FOUND", "No certificate " + parsed.value(),
					parsed.value()));
		CertificateStatus from = certificate.getStatus();
		Instant now = clock.instant();
		certificate.changeStatus(target, actor, reason, now);
		CertificateStatusChanged event = new CertificateStatusChanged(certificate.getId(),
				certificate.getBody().getId(), certificate.getNumber(), from, target, actor, reason, now);
		events.publishEvent(event);
		return event;
	}

	@Transactional
	public ScopeRowStatusChanged changeScopeRowStatus(long scopeRowId, ScopeStatus target, String actor,
			String reason) {
		ScopeRow row = scopeRows.findById(scopeRowId)
			.orElseThrow(() -> DomainException.notFound("SCOPE_ROW_NOT_FOUND", "No scope row " + scopeRowId,
					scopeRowId));
		if (reason == null || reason.isBlank()) {
			throw DomainException.badRequest("SCOPE_STATUS_REASON_REQUIRED", "A status change needs a reason");
		}
		ScopeStatus from = row.getStatus();
		row.changeStatus(target);
		Certificate certificate = row.getCertificate();
		ScopeRowStatusChanged event = new ScopeRowStatusChanged(row.getId(), certificate.getId(),
				certificate.getNumber(), certificate.getBody().getId(), from, target, actor, reason, clock.instant());
		events.publishEvent(event);
		return event;
	}
}
