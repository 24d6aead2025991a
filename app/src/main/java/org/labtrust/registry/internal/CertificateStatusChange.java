package org.labtrust.registry.internal;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.labtrust.registry.CertificateStatus;

/** One entry of a certificate's status history: append-only, never edited. */
@Entity
@Immutable
@Table(name = "certificate_status_change")
public class CertificateStatusChange {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_status_change_seq")
	@SequenceGenerator(name = "certificate_status_change_seq", sequenceName = "certificate_status_change_seq",
			allocationSize = 50)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "certificate_id")
	private Certificate certificate;

	@Enumerated(EnumType.STRING)
	private CertificateStatus fromStatus;

	@Enumerated(EnumType.STRING)
	private CertificateStatus toStatus;

	private Instant changedAt;

	private String changedBy;

	private String reason;

	protected CertificateStatusChange() {
	}

	CertificateStatusChange(Certificate certificate, CertificateStatus from, CertificateStatus to, String by,
			String reason, Instant at) {
		this.certificate = certificate;
		this.fromStatus = from;
		this.toStatus = to;
		this.changedBy = by;
		this.reason = reason;
		this.changedAt = at;
	}
}
