package org.labtrust.licensing;

/**
 * The items whose change needs a change application (BRIEF 1.6). Those that do not touch technical
 * capability may be self-declared: effective on filing, open to later check (国市监检测〔2019〕206号,
 * recalled, [U] in the brief).
 */
public enum ChangeItem {

	NAME(true), ADDRESS_RENAMED(true), LEGAL_PERSON_NATURE(false), LEGAL_REPRESENTATIVE(true), TOP_MANAGER(true),
	TECHNICAL_DIRECTOR(true), AUTHORISED_SIGNATORY(true), TEST_ITEM_CANCELLED(false), METHOD_CHANGED(false),
	OTHER(false);

	private final boolean selfDeclarable;

	ChangeItem(boolean selfDeclarable) {
		this.selfDeclarable = selfDeclarable;
	}

	public boolean selfDeclarable() {
		return selfDeclarable;
	}
}
