package org.labtrust.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateStatusTest {

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({
			"VALID, VALID, false",
			"VALID, SUSPENDED, true",
			"VALID, REVOKED, true",
			"VALID, CANCELLED, true",
			"VALID, EXPIRED, true",
			"SUSPENDED, VALID, true",
			"SUSPENDED, SUSPENDED, false",
			"SUSPENDED, REVOKED, true",
			"SUSPENDED, CANCELLED, true",
			"SUSPENDED, EXPIRED, true",
			"REVOKED, VALID, false",
			"REVOKED, SUSPENDED, false",
			"REVOKED, REVOKED, false",
			"REVOKED, CANCELLED, false",
			"REVOKED, EXPIRED, false",
			"CANCELLED, VALID, false",
			"CANCELLED, SUSPENDED, false",
			"CANCELLED, REVOKED, false",
			"CANCELLED, CANCELLED, false",
			"CANCELLED, EXPIRED, false",
			"EXPIRED, VALID, false",
			"EXPIRED, SUSPENDED, false",
			"EXPIRED, REVOKED, false",
			"EXPIRED, CANCELLED, false",
			"EXPIRED, EXPIRED, false" })
	void everyTransitionOfTheMatrixIsAllowedOrRefusedAsTheRulesSay(CertificateStatus from, CertificateStatus to,
			boolean allowed) {
		assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
	}

	@Test
	void theMatrixAboveCoversEveryPair() {
		// 5 x 5 rows in the CsvSource; fails if a state is added without extending the matrix
		assertThat(CertificateStatus.values()).hasSize(5);
	}

	@ParameterizedTest
	@EnumSource(CertificateStatus.class)
	void noStateMovesToNothing(CertificateStatus status) {
		assertThat(status.canTransitionTo(null)).isFalse();
	}

	@Test
	void revokedCancelledAndExpiredAreTerminal() {
		assertThat(CertificateStatus.values()).filteredOn(CertificateStatus::isTerminal)
			.containsExactly(CertificateStatus.REVOKED, CertificateStatus.CANCELLED, CertificateStatus.EXPIRED);
	}

	@Test
	void eachStateHasAChineseAndAnEnglishLabel() {
		assertThat(CertificateStatus.values()).extracting(CertificateStatus::labelZh)
			.containsExactly("有效", "暂停", "撤销", "注销", "过期");
		assertThat(CertificateStatus.values()).extracting(CertificateStatus::labelEn)
			.containsExactly("Valid", "Suspended", "Revoked", "Cancelled", "Expired");
	}
}
