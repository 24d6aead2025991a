package org.labtrust.portal;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.labtrust.registry.BodyDetail;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.ScopeRowView;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.shared.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeFilterTest {

	private static final ScopeRowView RICE_LEAD = row(1, "大米", "铅", "GB 5009.12-2017", "食品安全国家标准 食品中铅的测定");

	private static final ScopeRowView RICE_ARSENIC = row(2, "大米", "总砷", "GB 5009.11-2024", "食品安全国家标准 食品中总砷及无机砷的测定");

	private static final ScopeRowView WATER_LEAD = row(3, "生活饮用水", "铅", "GB/T 5750.6-2023", "生活饮用水标准检验方法 第6部分：金属和类金属指标");

	private static ScopeRowView row(int line, String object, String parameter, String code, String title) {
		return new ScopeRowView(line, line, "00", object, parameter, code, title, null, 1L, "主场所", ScopeStatus.VALID);
	}

	@Test
	void everyWordMustOccurSomewhereInTheRow() {
		ScopeFilter filter = ScopeFilter.parse("大米　铅");

		assertThat(filter.words()).containsExactly("大米", "铅");
		assertThat(filter.matches(RICE_LEAD)).isTrue();
		assertThat(filter.matches(RICE_ARSENIC)).isFalse();
		assertThat(filter.matches(WATER_LEAD)).isFalse();
	}

	@Test
	void aStandardCodeMatchesWithoutItsSpacesAndInAnyCase() {
		assertThat(ScopeFilter.parse("gb5009.12").matches(RICE_LEAD)).isTrue();
		assertThat(ScopeFilter.parse("gb5009.12").matches(RICE_ARSENIC)).isFalse();
	}

	@Test
	void aWordDoesNotMatchAcrossTwoColumns() {
		// object 大米 followed by parameter 铅 must not read as the word 米铅
		assertThat(ScopeFilter.parse("米铅").matches(RICE_LEAD)).isFalse();
	}

	@Test
	void noTextKeepsEveryRowAndAppliesPerCertificate() {
		var certificate = new BodyDetail.Certificate("212800090002", "28", "甘肃省市场监督管理局", "00", "食品", "09",
				LocalDate.of(2021, 4, 28), LocalDate.of(2027, 4, 27), CertificateStatus.VALID,
				List.of(RICE_LEAD, RICE_ARSENIC, WATER_LEAD));

		assertThat(ScopeFilter.parse("  ").isActive()).isFalse();
		assertThat(ScopeFilter.parse(null).apply(List.of(certificate)).get(0).rows()).hasSize(3);
		var lead = ScopeFilter.parse("铅").apply(List.of(certificate)).get(0);
		assertThat(lead.rows()).containsExactly(RICE_LEAD, WATER_LEAD);
		assertThat(lead.total()).isEqualTo(3);
	}

	@Test
	void anOverlongFilterIsRefusedWithTheQueryTooLongCode() {
		assertThatThrownBy(() -> ScopeFilter.parse("铅".repeat(ScopeFilter.MAX_LENGTH + 1)))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("QUERY_TOO_LONG");
				assertThat(e.status()).isEqualTo(400);
			});
	}
}
