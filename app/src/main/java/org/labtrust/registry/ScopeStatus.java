package org.labtrust.registry;

/**
 * State of one item of a capability scope (a licensed test parameter or method). An item can be
 * suspended and reinstated, e.g. after a failed proficiency test; once withdrawn it stays
 * withdrawn, and getting it back means applying for it again (扩项).
 */
public enum ScopeStatus {

	VALID("有效", "Valid"),
	SUSPENDED("暂停", "Suspended"),
	WITHDRAWN("撤销", "Withdrawn");

	private final String labelZh;

	private final String labelEn;

	ScopeStatus(String labelZh, String labelEn) {
		this.labelZh = labelZh;
		this.labelEn = labelEn;
	}

	/** Whether an item in this state may move to {@code target}; staying put is not a transition. */
	public boolean canTransitionTo(ScopeStatus target) {
		if (target == null || target == this) {
			return false;
		}
		return switch (this) {
			case VALID, SUSPENDED -> true;
			case WITHDRAWN -> false;
		};
	}

	public boolean isTerminal() {
		return this == WITHDRAWN;
	}

	public String labelZh() {
		return labelZh;
	}

	public String labelEn() {
		return labelEn;
	}
}
