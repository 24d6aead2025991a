package org.labtrust.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ScopeStatusTest {

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({
			"VALID, VALID, false",
			"VALID, SUSPENDED, true",
			"VALID, WITHDRAWN, true",
			"SUSPENDED, VALID, true",
			"SUSPENDED, SUSPENDED, false",
			"SUSPENDED, WITHDRAWN, true",
			"WITHDRAWN, VALID, false",
			"WITHDRAWN, SUSPENDED, false",
			"WITHDRAWN, WITHDRAWN, false" })
	void everyTransitionOfTheMatrixIsAllowedOrRefusedAsTheRulesSay(ScopeStatus from, ScopeStatus to,
			boolean allowed) {
		assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
	}

	@Test
	void theMatrixAboveCoversEveryPair() {
		// 3 x 3 rows in the CsvSource; fails if a state is added without extending the matrix
		assertThat(ScopeStatus.values()).hasSize(3);
	}

	@ParameterizedTest
	@EnumSource(ScopeStatus.class)
	void noStateMovesToNothing(ScopeStatus status) {
		assertThat(status.canTransitionTo(null)).isFalse();
	}

	@Test
	void onlyWithdrawnIsTerminal() {
		assertThat(ScopeStatus.values()).filteredOn(ScopeStatus::isTerminal).containsExactly(ScopeStatus.WITHDRAWN);
	}

	@Test
	void eachStateHasAChineseAndAnEnglishLabel() {
		assertThat(ScopeStatus.values()).extracting(ScopeStatus::labelZh).containsExactly("有效", "暂停", "撤销");
		assertThat(ScopeStatus.values()).extracting(ScopeStatus::labelEn)
			.containsExactly("Valid", "Suspended", "Withdrawn");
	}
}
