package org.labtrust.registry.internal.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

	@Test
	void aStandardCodeWrittenLooselyIsTakenOutOfTheWordsInCanonicalForm() {
		SearchText text = SearchText.parse("大米 铅 gb5009.12－2017");
		assertThat(text.standardCodes()).containsExactly("GB 5009.12-2017");
		assertThat(text.words()).isEqualTo("大米 铅");
	}

	@Test
	void recommendedStandardsWithSlashTAndTwoDigitYearsAreRecognised() {
		assertThat(SearchText.parse("GB/T 5750.6-2023").standardCodes()).containsExactly("GB/T 5750.6-2023");
		assertThat(SearchText.parse("GB 11893-89").standardCodes()).containsExactly("GB 11893-1989");
	}

	@Test
	void aValidCreditCodeIsExactButAnInvalidOneStaysAWord() {
		SearchText valid = SearchText.parse("91350100M000100Y43");
		assertThat(valid.creditCodes()).containsExactly("91350100M000100Y43");
		assertThat(valid.words()).isEmpty();
		SearchText invalid = SearchText.parse("91350100M000100Y44");
		assertThat(invalid.creditCodes()).isEmpty();
		assertThat(invalid.words()).isEqualTo("91350100M000100Y44");
	}

	@Test
	void twelveDigitsAreACertificateNumberButElevenAreNot() {
		assertThat(SearchText.parse("证书 152701060345").certificateNumbers()).containsExactly("152701060345");
		assertThat(SearchText.parse("15270106034").certificateNumbers()).isEmpty();
	}

	@Test
	void traditionalCharactersAndFullWidthLettersAreFoldedBeforeAnythingElse() {
		assertThat(SearchText.parse("國家 檢驗").words()).isEqualTo("国家 检验");
		assertThat(SearchText.parse("ＧＢ　５００９．１２－２０１７").standardCodes()).containsExactly("GB 5009.12-2017");
	}

	@Test
	void anEmptyQueryIsEmpty() {
		assertThat(SearchText.parse("   ").isEmpty()).isTrue();
		assertThat(SearchText.parse("铅").isEmpty()).isFalse();
	}
}
