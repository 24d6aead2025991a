package org.labtrust.licensing;

import java.util.EnumSet;
import java.util.Set;

/** The statutory procedures (BRIEF 1.3, 1.5 to 1.7). */
public enum Procedure {

	/** 一般程序: acceptance, technical assessment, decision, issuance. */
	GENERAL(EnumSet.allOf(ApplicationType.class)),

	/** 告知承诺: a signed commitment, a decision without prior on-site assessment, verification within 3 months. */
	COMMITMENT(EnumSet.of(ApplicationType.FIRST_LICENCE, ApplicationType.RENEWAL, ApplicationType.SCOPE_EXTENSION,
			ApplicationType.SITE_CHANGE)),

	/** 书面审查: renewals of bodies with no violations in the period, decided on the documents. */
	DOCUMENT_REVIEW(EnumSet.of(ApplicationType.RENEWAL)),

	/** 自我声明: changes that do not affect technical capability, effective on filing. */
	SELF_DECLARATION(EnumSet.of(ApplicationType.CHANGE));

	private final Set<ApplicationType> types;

	Procedure(Set<ApplicationType> types) {
		this.types = types;
	}

	/** The application types this procedure is defined for at all (further conditions: {@link ProcedureRules}). */
	public boolean covers(ApplicationType type) {
		return types.contains(type);
	}
}
