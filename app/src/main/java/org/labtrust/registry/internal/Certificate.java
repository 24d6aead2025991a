package org.labtrust.registry.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.shared.DomainException;

/**
 * A CMA qualification certificate (资质认定证书): the licence, under a 12-digit number, for the
 * scope of capabilities listed with it. Its status changes only through {@link #changeStatus},
 * which refuses transitions the law does not allow and records every change.
 */
@Entity
@Table(name = "certificate")
public class Certificate {

	@Id
	private Long id;

	@KeywordField
	private String number;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "body_id")
	private Body body;

	private String authorityCode;

	private String fieldCode;

	private String industryCode;

	private LocalDate issuedOn;

	private LocalDate validUntil;

	@Enumerated(EnumType.STRING)
	private CertificateStatus status;

	@Version
	private long version;

	@OneToMany(mappedBy = "certificate")
	@OrderBy("lineNo")
	private List<ScopeRow> scope = new ArrayList<>();

	@OneToMany(mappedBy = "certificate", cascade = CascadeType.PERSIST)
	@OrderBy("changedAt")
	private List<CertificateStatusChange> history = new ArrayList<>();

	protected Certificate() {
	}

	/**
	 * Moves the certificate to {@code target}, recording who did it and why.
	 *
	 * @throws DomainException {@code CERT_STATUS_TRANSITION_INVALID} for a transition the rules forbid
	 */
	public CertificateStatusChange changeStatus(CertificateStatus target, String actor, String reason, Instant at) {
		if (!status.canTransitionTo(target)) {
			throw new DomainException("CERT_STATUS_TRANSITION_INVALID", 409,
					"Certificate " + number + " cannot go from " + status + " to " + target, number, status, target);
		}
		if (reason == null || reason.isBlank()) {
			throw DomainException.badRequest("CERT_STATUS_REASON_REQUIRED", "A status change needs a reason");
		}
		CertificateStatusChange change = new CertificateStatusChange(this, status, target, actor, reason, at);
		history.add(change);
		status = target;
		return change;
	}

	public Long getId() {
		return id;
	}

	public String getNumber() {
		return number;
	}

	public Body getBody() {
		return body;
	}

	public String getFieldCode() {
		return fieldCode;
	}

	public String getAuthorityCode() {
		return authorityCode;
	}

	public LocalDate getValidUntil() {
		return validUntil;
	}

	public CertificateStatus getStatus() {
		return status;
	}

	public List<ScopeRow> getScope() {
		return scope;
	}
}
