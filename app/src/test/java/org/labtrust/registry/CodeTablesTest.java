package org.labtrust.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.labtrust.registry.CodeTables.Field;
import org.labtrust.registry.CodeTables.Industry;
import org.labtrust.registry.CodeTables.Province;

class CodeTablesTest {

	private final CodeTables tables = CodeTables.load();

	private static List<String> twoDigitCodes(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(i -> String.format("%02d", i)).toList();
	}

	@Test
	void theTablesAreLoadedOnceAndShared() {
		assertThat(CodeTables.load()).isSameAs(tables);
	}

	@Test
	void the31ProvincesCarryAuthorityCodes01To31InTableOrder() {
		assertThat(tables.provinces()).hasSize(31);
		assertThat(tables.provinces()).extracting(Province::authorityCode).containsExactlyElementsOf(twoDigitCodes(1, 31));
		assertThat(tables.provinces().get(0)).isEqualTo(new Province("11", "北京市", "Beijing", "01"));
		assertThat(tables.provinces().get(30)).isEqualTo(new Province("65", "新疆维吾尔自治区", "Xinjiang", "31"));
	}

	@Test
	void shaanxiIsFoundByItsGb2260CodeAndByItsAuthorityCode() {
		Province shaanxi = new Province("61", "陕西省", "Shaanxi", "27");

		assertThat(tables.provinceByGb2260("61")).contains(shaanxi);
		assertThat(tables.provinceByAuthority("27")).contains(shaanxi);
	}

	@Test
	void unknownOrMissingCodesFindNothing() {
		assertThat(tables.provinceByGb2260("71")).isEmpty();
		assertThat(tables.provinceByAuthority("00")).isEmpty();
		assertThat(tables.provinceByAuthority("32")).isEmpty();
		assertThat(tables.provinceByAuthority(null)).isEmpty();
		assertThat(tables.field("22")).isEmpty();
		assertThat(tables.industry("35")).isEmpty();
		assertThat(tables.industry(null)).isEmpty();
	}

	@Test
	void theFieldsRunFrom00To21AndABlankCountIsNull() {
		assertThat(tables.fields()).extracting(Field::code).containsExactlyElementsOf(twoDigitCodes(0, 21));
		assertThat(tables.field("01")).contains(new Field("01", "建设工程", "building engineering", 8241));
		assertThat(tables.field("05")).map(Field::bodies2023).contains(15760);
		assertThat(tables.field("06")).map(Field::nameZh).contains("公安刑事技术");
		assertThat(tables.field("06").orElseThrow().bodies2023()).isNull();
	}

	@Test
	void the35IndustryAuthoritiesRunFrom00To34() {
		assertThat(tables.industries()).extracting(Industry::code).containsExactlyElementsOf(twoDigitCodes(0, 34));
		assertThat(tables.industry("00")).map(Industry::nameZh).contains("教育");
		assertThat(tables.industry("06")).contains(new Industry("06", "住房和城乡建设", "housing and urban-rural construction"));
		assertThat(tables.industry("16")).map(Industry::nameZh).contains("中国科学院");
		assertThat(tables.industry("30")).map(Industry::nameZh).contains("分析测试及冶金");
		assertThat(tables.industry("34")).map(Industry::nameZh).contains("其他");
	}

	@Test
	void authority00IsTheNationalRegulator() {
		assertThat(tables.isKnownAuthority("00")).isTrue();
		assertThat(tables.authorityNameZh("00")).isEqualTo("国家市场监督管理总局");
		assertThat(tables.authorityNameEn("00")).isEqualTo("SAMR (national)");
	}

	@Test
	void aProvincialAuthorityIsNamedAfterItsProvince() {
		assertThat(tables.authorityNameZh("27")).isEqualTo("陕西省市场监督管理局");
		assertThat(tables.authorityNameEn("27")).isEqualTo("Shaanxi AMR");
		assertThat(tables.authorityNameZh("20")).isEqualTo("广西壮族自治区市场监督管理局");
	}

	@Test
	void anUnknownAuthorityHasNoName() {
		assertThat(tables.isKnownAuthority("32")).isFalse();
		assertThatThrownBy(() -> tables.authorityNameZh("32")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("32");
		assertThatThrownBy(() -> tables.authorityNameEn("99")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> tables.authorityNameEn(null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theListsCannotBeChanged() {
		assertThatThrownBy(() -> tables.provinces().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> tables.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> tables.industries().clear()).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void aDuplicateCodeIsRefusedWhenTheTablesAreBuilt() {
		List<Province> provinces = List.of(new Province("61", "陕西省", "Shaanxi", "27"),
				new Province("62", "甘肃省", "Gansu", "27"));

		assertThatThrownBy(() -> new CodeTables(provinces, List.of(), List.of()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("27");
	}

	@Test
	void aQuotedCsvCellMayHoldACommaAndAQuote() {
		assertThat(CodeTables.splitCsvLine("01,\"a, \"\"b\"\"\",,x"))
			.containsExactly("01", "a, \"b\"", "", "x");
	}
}
