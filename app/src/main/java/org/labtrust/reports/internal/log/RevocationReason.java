package org.labtrust.reports.internal.log;

/** Why a body revoked a report: a code, never free text (the log cannot be erased). */
public enum RevocationReason {

	ISSUED_IN_ERROR(1), DATA_ERROR(2), WITHDRAWN_BY_CLIENT(3), OTHER(4);

	private final int code;

	RevocationReason(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}

	static RevocationReason ofCode(int code) {
		for (RevocationReason reason : values()) {
			if (reason.code == code) {
				return reason;
			}
		}
		throw new IllegalArgumentException("unknown revocation reason " + code);
	}
}
