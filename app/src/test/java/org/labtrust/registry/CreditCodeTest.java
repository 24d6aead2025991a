package org.labtrust.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.labtrust.shared.DomainException;

class CreditCodeTest {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	// Published codes; each check character was recomputed independently before being used here.
	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "91110000100017643K", "91440300708461136T",
			"91110108551385082Q", "9144030071526726XG" })
	void realCodesAreValid(String code) {
		assertThat(CreditCode.isValid(code)).isTrue();
		assertThat(CreditCode.parse(code).value()).isEqualTo(code);
	}

	@Test
	void theCheckCharacterIsComputedFromTheWeightedSumModulo31() {
		// 9*1 + 1*3 + 3*9 + 5*27 + 0 + 1*26 + 0 + 0 + M(21)*20 + 0 + 0 + 0 + 1*8 + 0 + 0 + Y(30)*30 + 4*28
		// = 1640; 1640 mod 31 = 28; 31 - 28 = 3
		assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
		// sum 508, 508 mod 31 = 12, 31 - 12 = 19 = 'K'
		assertThat(CreditCode.checkCharacter("91110000100017643")).isEqualTo('K');
	}

	@Test
	void aSumDivisibleBy31GivesTheCheckCharacterZero() {
		// weighted sum of this prefix is 1178 = 38 * 31, so 31 - 0 = 31, which maps to '0'
		assertThat(CreditCode.checkCharacter("91110000MA000000F")).isEqualTo('0');
		assertThat(CreditCode.withCheckCharacter("91110000MA000000F").value()).isEqualTo("91110000MA000000F0");
	}

	@Test
	void withCheckCharacterAppendsTheComputedCharacter() {
		assertThat(CreditCode.withCheckCharacter("91110000100017643")).isEqualTo(new CreditCode("91110000100017643K"));
	}

	@Test
	void thePartsAreCutAtTheStandardPositions() {
		CreditCode code = CreditCode.parse("91350100M000100Y43");

		assertThat(code.registrationAuthority()).isEqualTo('9');
		assertThat(code.organisationType()).isEqualTo('1');
		assertThat(code.divisionCode()).isEqualTo("350100");
		assertThat(code.provinceCode()).isEqualTo("35");
		assertThat(code.organisationCode()).isEqualTo("M000100Y4");
		assertThat(code.check()).isEqualTo('3');
		assertThat(code.toString()).isEqualTo("91350100M000100Y43");
	}

	@Test
	void theProvinceCodeIsAGb2260CodeInTheCodeTables() {
		String province = CreditCode.parse("91350100M000100Y43").provinceCode();

		assertThat(CodeTables.load().provinceByGb2260(province)).map(CodeTables.Province::nameEn).contains("Fujian");
	}

	@Test
	void lowercaseAndSurroundingBlanksAreAcceptedAndNormalised() {
		CreditCode code = CreditCode.parse("  9144030071526726xg\t");

		assertThat(code.value()).isEqualTo("9144030071526726XG");
		assertThat(CreditCode.isValid(" 91350100m000100y43 ")).isTrue();
		assertThat(new CreditCode("91110000100017643k").value()).isEqualTo("91110000100017643K");
	}

	@Test
	void aCodeWithAWrongCheckCharacterIsRejected() {
		assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
		assertThatThrownBy(() -> CreditCode.parse("91350100M000100Y44"))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("CREDIT_CODE_INVALID");
				assertThat(e.status()).isEqualTo(400);
				assertThat(e.args()).containsExactly("91350100M000100Y44");
			})
			.hasMessage("bad check character '4' at position 18, expected '3'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y4", "91350100M000100Y433", "9135 0100M000100Y43" })
	void aCodeOfTheWrongLengthIsRejected(String raw) {
		assertThat(CreditCode.isValid(raw)).isFalse();
		assertThatThrownBy(() -> CreditCode.parse(raw)).isInstanceOf(DomainException.class)
			.hasMessage("credit code must have 18 characters, got " + raw.length());
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   " })
	void aMissingCodeIsRejected(String raw) {
		assertThat(CreditCode.isValid(raw)).isFalse();
		assertThatThrownBy(() -> CreditCode.parse(raw)).isInstanceOf(DomainException.class)
			.hasMessage("credit code is empty");
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'Z', 'S', 'V' })
	void lettersThatAreEasyToMisreadAreRejected(char letter) {
		// put the letter into the organisation code (position 9) of an otherwise valid code
		String raw = "91350100" + letter + "000100Y43";

		assertThat(CreditCode.isValid(raw)).isFalse();
		assertThatThrownBy(() -> CreditCode.parse(raw)).isInstanceOf(DomainException.class)
			.hasMessageStartingWith("illegal character '" + letter + "' at position 9");
	}

	@Test
	void punctuationIsAnIllegalCharacterAtItsPosition() {
		assertThatThrownBy(() -> CreditCode.parse("9135-100M000100Y43")).isInstanceOf(DomainException.class)
			.hasMessageStartingWith("illegal character '-' at position 5");
	}

	@Test
	void aDivisionCodeWithLettersIsRejected() {
		// checksum is right, so only the division-code rule can refuse it
		String prefix = "9135A100M000100Y4";
		String raw = prefix + CreditCode.checkCharacter(prefix);

		assertThat(CreditCode.isValid(raw)).isFalse();
		assertThatThrownBy(() -> CreditCode.parse(raw)).isInstanceOf(DomainException.class)
			.hasMessage("administrative division code (positions 3-8) must be 6 digits, got '35A100'");
	}

	@Test
	void anyCharacterOfTheAlphabetIsAcceptedForAuthorityAndType() {
		// not over-restricting positions 1-2: e.g. 'Y' (other authorities) and 'N' (other organisation type)
		CreditCode code = CreditCode.withCheckCharacter("YN110000MA0000001");

		assertThat(CreditCode.isValid(code.value())).isTrue();
		assertThat(code.registrationAuthority()).isEqualTo('Y');
	}

	@Test
	void checkCharacterNeedsExactly17Characters() {
		assertThatThrownBy(() -> CreditCode.checkCharacter("9135010")).isInstanceOf(DomainException.class)
			.hasMessage("a check character needs exactly 17 characters, got 7");
	}

	static Stream<String> randomPrefixes() {
		Random random = new Random(20240601L);
		return Stream.generate(() -> {
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 17; i++) {
				// positions 3-8 must be digits, the rest any character of the alphabet
				boolean division = i >= 2 && i <= 7;
				prefix.append(division ? (char) ('0' + random.nextInt(10)) : ALPHABET.charAt(random.nextInt(31)));
			}
			return prefix.toString();
		}).limit(1000);
	}

	@ParameterizedTest
	@MethodSource("randomPrefixes")
	void aGeneratedCodeIsValidAndEveryOtherCheckCharacterIsNot(String prefix) {
		String code = CreditCode.withCheckCharacter(prefix).value();

		assertThat(code).hasSize(18).startsWith(prefix);
		assertThat(CreditCode.isValid(code)).isTrue();
		for (char other : ALPHABET.toCharArray()) {
			if (other != code.charAt(17)) {
				assertThat(CreditCode.isValid(prefix + other)).as("%s%s", prefix, other).isFalse();
			}
		}
	}

	@ParameterizedTest
	@MethodSource("randomPrefixes")
	void aSingleSubstitutionAnywhereInAGeneratedCodeIsDetected(String prefix) {
		// every weight is non-zero modulo the prime 31, so any one changed character alters the sum
		// (a letter put into positions 3-8 is refused by the division rule instead, also invalid)
		String code = CreditCode.withCheckCharacter(prefix).value();
		int position = Math.floorMod(prefix.hashCode(), 17);
		char original = code.charAt(position);
		char replacement = ALPHABET.charAt((ALPHABET.indexOf(original) + 1 + Math.floorMod(prefix.hashCode() >> 5, 30)) % 31);

		String mutated = code.substring(0, position) + replacement + code.substring(position + 1);

		assertThat(replacement).isNotEqualTo(original);
		assertThat(CreditCode.isValid(mutated)).as(mutated).isFalse();
	}
}
