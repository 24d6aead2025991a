package org.labtrust.registry.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.shared.DomainException;

/**
 * One row of a certificate's capability scope (检验检测能力附表): what object, which parameter, under
 * which method standard, with what limitation, at which site. A row has its own status so that
 * part of a scope can be suspended while the certificate stays valid.
 */
@Entity
@Table(name = "scope_row")
public class ScopeRow {

	@Id
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "certificate_id")
	private Certificate certificate;

	private int lineNo;

	private String fieldCode;

	private String objectName;

	private String parameterName;

	private String methodCode;

	private String methodTitle;

	private String limitation;

	@Enumerated(EnumType.STRING)
	private ScopeStatus status;

	@Version
	private long version;

	protected ScopeRow() {
	}

	/**
	 * @throws DomainException {@code SCOPE_STATUS_TRANSITION_INVALID} for a transition the rules forbid
	 */
	public void changeStatus(ScopeStatus target) {
		if (!status.canTransitionTo(target)) {
			throw new DomainException("SCOPE_STATUS_TRANSITION_INVALID", 409,
					"Scope row " + id + " cannot go from " + status + " to " + target, id, status, target);
		}
		status = target;
	}

	public Long getId() {
		return id;
	}

	public Certificate getCertificate() {
		return certificate;
	}

	public String getObjectName() {
		return objectName;
	}

	public String getParameterName() {
		return parameterName;
	}

	public String getMethodCode() {
		return methodCode;
	}

	public String getMethodTitle() {
		return methodTitle;
	}

	public ScopeStatus getStatus() {
		return status;
	}
}
