package org.labtrust.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.labtrust.shared.DomainException;

class StandardCodeTest {

	/** code, prefix, number, year: the first four columns of standards.csv (never quoted there). */
	record Row(String code, String prefix, String number, int year) {
	}

	static List<Row> standards() throws IOException {
		try (InputStream in = StandardCodeTest.class.getResourceAsStream("/standards.csv");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines()
				.skip(1)
				.filter(line -> !line.isBlank())
				.map(line -> line.split(",", 5))
				.map(cells -> new Row(cells[0], cells[1], cells[2], Integer.parseInt(cells[3])))
				.collect(Collectors.toList());
		}
	}

	@Test
	void theReferenceListHasAll391Standards() throws IOException {
		// guards against the CSV test below silently running on a truncated file
		assertThat(standards()).hasSize(391);
	}

	@ParameterizedTest
	@MethodSource("standards")
	void everyStandardInTheReferenceListParsesToItsOwnParts(Row row) {
		StandardCode parsed = StandardCode.parse(row.code());

		assertThat(parsed.code()).isEqualTo(row.code());
		assertThat(parsed.prefix()).isEqualTo(row.prefix());
		assertThat(parsed.number()).isEqualTo(row.number());
		assertThat(parsed.year()).isEqualTo(row.year());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"GB 5009.12-2017 | GB | 5009.12 | 2017",
			"GB/T 5750.6-2023 | GB/T | 5750.6 | 2023",
			"HJ/T 166-2004 | HJ/T | 166 | 2004",
			"JTG E20-2011 | JTG | E20 | 2011",
			"JGJ/T 23-2011 | JGJ/T | 23 | 2011",
			"SN/T 1234-2015 | SN/T | 1234 | 2015",
			"JJG 1008-2006 | JJG | 1008 | 2006",
			"GBZ/T 160.1-2004 | GBZ/T | 160.1 | 2004",
			"NY/T 761-2008 | NY/T | 761 | 2008",
			"YY/T 0064.6-2016 | YY/T | 0064.6 | 2016",
			"GB/Z 41275.1-2022 | GB/Z | 41275.1 | 2022" })
	void theDesignationIsSplitIntoPrefixNumberAndYear(String raw, String prefix, String number, int year) {
		assertThat(StandardCode.parse(raw)).isEqualTo(new StandardCode(prefix, number, year));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			// full-width slash, dash, digits and ideographic space, as typed with a Chinese IME
			"ＧＢ／Ｔ　５７５０．６－２０２３ | GB/T 5750.6-2023",
			"GB／T 5750.6－2023 | GB/T 5750.6-2023",
			// no space between prefix and number
			"GB5009.12-2017 | GB 5009.12-2017",
			"GB/T5750.6-2023 | GB/T 5750.6-2023",
			// en dash and em dash
			"GB 5009.12\u20132017 | GB 5009.12-2017",
			"GB 5009.12\u20142017 | GB 5009.12-2017",
			// lower case and stray blanks
			"gb/t 5750.6-2023 | GB/T 5750.6-2023",
			"\"  jtg  e20 - 2011 \" | JTG E20-2011",
			"GB / T 5750.6-2023 | GB/T 5750.6-2023",
			// two-digit years, pivot 30: 00-30 are 20xx, 31-99 are 19xx
			"GB 11893-89 | GB 11893-1989",
			"GB/T 11893-50 | GB/T 11893-1950",
			"HJ/T 166-04 | HJ/T 166-2004",
			"GB 5009.3-30 | GB 5009.3-2030",
			"GB 5009.3-00 | GB 5009.3-2000" })
	void commonVariantsAreReadAsTheCanonicalCode(String raw, String canonical) {
		assertThat(StandardCode.parse(raw).code()).isEqualTo(canonical);
	}

	@Test
	void aTwoDigitYearIsExpandedInTheYearComponent() {
		assertThat(StandardCode.parse("GB 11893-89").year()).isEqualTo(1989);
		assertThat(StandardCode.parse("GB 11893-89").toString()).isEqualTo("GB 11893-1989");
	}

	@Test
	void onlyASlashTPrefixIsRecommended() {
		assertThat(StandardCode.parse("GB/T 5750.6-2023").recommended()).isTrue();
		assertThat(StandardCode.parse("JGJ/T 23-2011").recommended()).isTrue();
		assertThat(StandardCode.parse("GB 5009.12-2017").recommended()).isFalse();
		assertThat(StandardCode.parse("GB/Z 41275.1-2022").recommended()).isFalse();
		assertThat(StandardCode.parse("GB/Z 41275.1-2022").guidance()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"5009.12-2017 | a standard code must start with a letter prefix such as GB or GB/T, got '5009.12-2017'",
			"GB 5009.12 | a standard code needs '-' and the year after the number, got 'GB 5009.12'",
			"GB 5009..12-2017 | the number '5009..12' must be letters and digits separated by dots, got 'GB 5009..12-2017'",
			"GB -2017 | the number '' must be letters and digits separated by dots, got 'GB -2017'",
			"GB 5009.12-017 | the year '017' must have 4 (or 2) digits, got 'GB 5009.12-017'",
			"GB 5009.12-1890 | year must be 1950 to 2099, got 1890",
			// 31 is past the pivot, so 1931, which is before any national standard
			"GB 11893-31 | year must be 1950 to 2099, got 1931",
			"GB/X 5009.12-2017 | the prefix may only be followed by /T or /Z, got 'GB/X 5009.12-2017'" })
	void aMalformedCodeIsRejectedNamingThePart(String raw, String detail) {
		assertThatThrownBy(() -> StandardCode.parse(raw))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("STANDARD_CODE_INVALID");
				assertThat(e.status()).isEqualTo(400);
				assertThat(e.args()).containsExactly(raw);
			})
			.hasMessage(detail);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "ISO 9001:2015", "GB 5009.12-2017 extra", "检测方法" })
	void tryParseGivesNothingForTextThatIsNotAStandardCode(String raw) {
		assertThat(StandardCode.tryParse(raw)).isEmpty();
	}

	@Test
	void tryParseGivesTheCodeWhenThereIsOne() {
		assertThat(StandardCode.tryParse("GB5009.12-2017")).contains(new StandardCode("GB", "5009.12", 2017));
		assertThat(StandardCode.tryParse(null)).isEmpty();
	}

	@Test
	void theConstructorRefusesAnInvalidPart() {
		assertThatThrownBy(() -> new StandardCode("gb", "5009.12", 2017)).isInstanceOf(DomainException.class)
			.hasMessageStartingWith("prefix must be upper-case letters");
		assertThatThrownBy(() -> new StandardCode("GB", "5009 12", 2017)).isInstanceOf(DomainException.class)
			.hasMessageStartingWith("number must be letters and digits");
		assertThatThrownBy(() -> new StandardCode("GB", "5009.12", 2100)).isInstanceOf(DomainException.class)
			.hasMessage("year must be 1950 to 2099, got 2100");
	}
}
