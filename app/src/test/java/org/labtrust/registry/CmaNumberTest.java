package org.labtrust.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.labtrust.shared.DomainException;

class CmaNumberTest {

	private final CodeTables tables = CodeTables.load();

	@Test
	void theRealShaanxiCertificateNumberIsDecoded() {
		// 陕西铁诚工程试验检测技术有限公司, issued 2015-10-08
		CmaNumber number = CmaNumber.parse("152701060345", tables);

		assertThat(number.value()).isEqualTo("152701060345");
		assertThat(number.issueYear()).isEqualTo(2015);
		assertThat(number.authorityCode()).isEqualTo("27");
		assertThat(number.fieldCode()).isEqualTo("01");
		assertThat(number.industryCode()).isEqualTo("06");
		assertThat(number.serial()).isEqualTo(345);
		assertThat(number.isNational()).isFalse();
		assertThat(number.province(tables)).map(CodeTables.Province::nameEn).contains("Shaanxi");
		assertThat(tables.field(number.fieldCode())).map(CodeTables.Field::nameEn).contains("building engineering");
		assertThat(tables.industry(number.industryCode())).map(CodeTables.Industry::nameZh).contains("住房和城乡建设");
	}

	@Test
	void theNumberIsFormattedInItsFiveGroups() {
		assertThat(CmaNumber.parse("152701060345", tables).formatted()).isEqualTo("15 27 01 06 0345");
		assertThat(CmaNumber.parse("152701060345", tables).toString()).isEqualTo("152701060345");
	}

	@Test
	void spacesBetweenTheGroupsAreIgnored() {
		assertThat(CmaNumber.parse(" 15 27 01 06 0345 ", tables)).isEqualTo(CmaNumber.parse("152701060345", tables));
		assertThat(CmaNumber.parse("15\u300027\u30000106 0345", tables).value()).isEqualTo("152701060345");
	}

	@Test
	void authority00IsANationalCertificate() {
		CmaNumber number = CmaNumber.parse("230020160012", tables);

		assertThat(number.isNational()).isTrue();
		assertThat(number.issueYear()).isEqualTo(2023);
		assertThat(number.fieldCode()).isEqualTo("20");
		assertThat(number.industryCode()).isEqualTo("16");
		assertThat(number.serial()).isEqualTo(12);
		assertThat(number.province(tables)).isEmpty();
	}

	@Test
	void theYearIsAlwaysReadInThe2000s() {
		assertThat(CmaNumber.parse("990100000001", tables).issueYear()).isEqualTo(2099);
		assertThat(CmaNumber.parse("000100000001", tables).issueYear()).isEqualTo(2000);
	}

	@Test
	void aNumberBuiltFromItsPartsEqualsTheParsedOne() {
		CmaNumber built = CmaNumber.of(2015, "27", "01", "06", 345, tables);

		assertThat(built).isEqualTo(CmaNumber.parse("152701060345", tables));
		assertThat(CmaNumber.of(2008, "19", "21", "34", 9999, tables).value()).isEqualTo("081921349999");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"15270106034 | a certificate number must be exactly 12 digits, got '15270106034'",
			"1527010603450 | a certificate number must be exactly 12 digits, got '1527010603450'",
			"15270106034A | a certificate number must be exactly 12 digits, got '15270106034A'",
			"15-27-01-06-0345 | a certificate number must be exactly 12 digits, got '15-27-01-06-0345'",
			"153201060345 | issuing authority code (digits 3-4) '32' is neither 00 (national) nor a known province code",
			"159901060345 | issuing authority code (digits 3-4) '99' is neither 00 (national) nor a known province code",
			"152722060345 | field code (digits 5-6) '22' is not a known professional field",
			"152701350345 | industry code (digits 7-8) '35' is not a known industry authority",
			"152701060000 | serial number (digits 9-12) must be 0001 to 9999, got 0000" })
	void eachWrongPartIsNamed(String raw, String detail) {
		assertThatThrownBy(() -> CmaNumber.parse(raw, tables))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("CERT_NUMBER_INVALID");
				assertThat(e.status()).isEqualTo(400);
				assertThat(e.args()).containsExactly(raw);
			})
			.hasMessage(detail);
	}

	@Test
	void anEmptyNumberIsRejected() {
		assertThatThrownBy(() -> CmaNumber.parse("  ", tables)).isInstanceOf(DomainException.class)
			.hasMessage("certificate number is empty");
		assertThatThrownBy(() -> CmaNumber.parse(null, tables)).isInstanceOf(DomainException.class);
	}

	@Test
	void ofRejectsPartsOutOfRange() {
		assertThatThrownBy(() -> CmaNumber.of(1999, "27", "01", "06", 1, tables)).isInstanceOf(DomainException.class)
			.hasMessage("issue year must be 2000 to 2099, got 1999");
		assertThatThrownBy(() -> CmaNumber.of(2015, "27", "01", "06", 0, tables)).isInstanceOf(DomainException.class)
			.hasMessage("serial number must be 1 to 9999, got 0");
		assertThatThrownBy(() -> CmaNumber.of(2015, "27", "01", "06", 10000, tables)).isInstanceOf(DomainException.class)
			.hasMessage("serial number must be 1 to 9999, got 10000");
		assertThatThrownBy(() -> CmaNumber.of(2015, "7", "01", "06", 1, tables)).isInstanceOf(DomainException.class)
			.hasMessage("issuing authority code must be 2 digits, got '7'");
		assertThatThrownBy(() -> CmaNumber.of(2015, "32", "01", "06", 1, tables)).isInstanceOf(DomainException.class)
			.hasMessageStartingWith("issuing authority code (digits 3-4) '32'");
	}

	@Test
	void theConstructorRefusesPartsThatDisagreeWithTheValue() {
		assertThatThrownBy(() -> new CmaNumber("152701060345", 2016, "27", "01", "06", 345))
			.isInstanceOf(DomainException.class)
			.hasMessage("the parts do not match the number 152701060345");
	}
}
