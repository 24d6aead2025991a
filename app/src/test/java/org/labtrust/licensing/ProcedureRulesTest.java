package org.labtrust.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProcedureRulesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	static ProcedureRules.Applicant applicant(ApplicationType type) {
		return new ProcedureRules.Applicant(type, Set.of("12"), false, null, false, Set.of());
	}

	@Test
	void commitmentIsOpenToFirstLicencesExceptSpecialFoodsAndMedicalDevices() {
		assertThat(ProcedureRules.refusals(Procedure.COMMITMENT, applicant(ApplicationType.FIRST_LICENCE), TODAY)).isEmpty();
		assertThat(ProcedureRules.refusals(Procedure.COMMITMENT,
				new ProcedureRules.Applicant(ApplicationType.FIRST_LICENCE, Set.of("12", "15"), false, null, false, Set.of()),
				TODAY)).containsExactly("COMMITMENT_EXCLUDED_FIELD");
		assertThat(ProcedureRules.refusals(Procedure.COMMITMENT,
				new ProcedureRules.Applicant(ApplicationType.SCOPE_EXTENSION, Set.of("00"), true, null, false, Set.of()),
				TODAY)).containsExactly("COMMITMENT_EXCLUDED_FIELD");
		assertThat(ProcedureRules.refusals(Procedure.COMMITMENT, applicant(ApplicationType.CHANGE), TODAY))
			.containsExactly("PROCEDURE_NOT_FOR_TYPE");
		assertThat(ProcedureRules.refusals(Procedure.COMMITMENT, applicant(ApplicationType.CANCELLATION), TODAY))
			.containsExactly("PROCEDURE_NOT_FOR_TYPE");
	}

	@Test
	void aFalseCommitmentBarsTheProcedureUntilTheBarEnds() {
		ProcedureRules.Applicant barred = new ProcedureRules.Applicant(ApplicationType.RENEWAL, Set.of("12"), false,
				LocalDate.of(2027, 3, 1), false, Set.of());
		assertThat(ProcedureRules.refusals(Procedure.COMMITMENT, barred, TODAY)).containsExactly("COMMITMENT_BARRED");
		assertThat(ProcedureRules.refusals(Procedure.COMMITMENT, barred, LocalDate.of(2027, 3, 1))).isEmpty();
		assertThat(ProcedureRules.refusals(Procedure.GENERAL, barred, TODAY)).isEmpty();
	}

	@Test
	void documentReviewOnlyForRenewalsWithoutViolations() {
		assertThat(ProcedureRules.refusals(Procedure.DOCUMENT_REVIEW, applicant(ApplicationType.RENEWAL), TODAY)).isEmpty();
		assertThat(ProcedureRules.refusals(Procedure.DOCUMENT_REVIEW,
				new ProcedureRules.Applicant(ApplicationType.RENEWAL, Set.of("12"), false, null, true, Set.of()), TODAY))
			.containsExactly("DOCUMENT_REVIEW_VIOLATIONS");
		assertThat(ProcedureRules.refusals(Procedure.DOCUMENT_REVIEW, applicant(ApplicationType.FIRST_LICENCE), TODAY))
			.containsExactly("PROCEDURE_NOT_FOR_TYPE");
	}

	@Test
	void selfDeclarationOnlyWhenEveryChangeLeavesCapabilityAlone() {
		ProcedureRules.Applicant renamed = new ProcedureRules.Applicant(ApplicationType.CHANGE, Set.of("12"), false,
				null, false, Set.of(ChangeItem.NAME, ChangeItem.AUTHORISED_SIGNATORY));
		assertThat(ProcedureRules.refusals(Procedure.SELF_DECLARATION, renamed, TODAY)).isEmpty();
		ProcedureRules.Applicant method = new ProcedureRules.Applicant(ApplicationType.CHANGE, Set.of("12"), false,
				null, false, Set.of(ChangeItem.NAME, ChangeItem.METHOD_CHANGED));
		assertThat(ProcedureRules.refusals(Procedure.SELF_DECLARATION, method, TODAY))
			.containsExactly("SELF_DECLARATION_NOT_ELIGIBLE");
		assertThat(ProcedureRules.refusals(Procedure.GENERAL, method, TODAY)).isEmpty();
		assertThat(ProcedureRules.refusals(Procedure.GENERAL, applicant(ApplicationType.CHANGE), TODAY))
			.containsExactly("CHANGE_ITEMS_MISSING");
	}
}
