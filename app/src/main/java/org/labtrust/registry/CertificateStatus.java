package org.labtrust.registry;

/**
 * Life cycle of a CMA certificate. Only a valid or suspended certificate can change; revoked,
 * cancelled and expired are final, because a renewal or a new application issues a new certificate
 * (with a new number) rather than reviving the old one.
 */
public enum CertificateStatus {

	VALID("有效", "Valid"),
	SUSPENDED("暂停", "Suspended"),
	/** 撤销: withdrawn as a sanction, e.g. obtained by fraud. */
	REVOKED("撤销", "Revoked"),
	/** 注销: ended without fault, e.g. at the body's request or on dissolution. */
	CANCELLED("注销", "Cancelled"),
	EXPIRED("过期", "Expired");

	private final String labelZh;

	private final String labelEn;

	CertificateStatus(String labelZh, String labelEn) {
		this.labelZh = labelZh;
		this.labelEn = labelEn;
	}

	/** Whether a certificate in this state may move to {@code target}; staying put is not a transition. */
	public boolean canTransitionTo(CertificateStatus target) {
		if (target == null || target == this) {
			return false;
		}
		return switch (this) {
			// a suspension can be lifted (reinstated), and can end the same ways as a valid certificate
			case VALID, SUSPENDED -> true;
			case REVOKED, CANCELLED, EXPIRED -> false;
		};
	}

	/** No further transition is possible. */
	public boolean isTerminal() {
		return this == REVOKED || this == CANCELLED || this == EXPIRED;
	}

	public String labelZh() {
		return labelZh;
	}

	public String labelEn() {
		return labelEn;
	}
}
