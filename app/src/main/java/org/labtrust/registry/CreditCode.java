package org.labtrust.registry;

import java.util.Locale;

import org.labtrust.shared.DomainException;

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters.
 * <ol>
 * <li>position 1: registration authority code;</li>
 * <li>position 2: organisation type;</li>
 * <li>positions 3-8: GB/T 2260 administrative division code (6 digits);</li>
 * <li>positions 9-17: organisation code;</li>
 * <li>position 18: check character over positions 1-17 (mod 31).</li>
 * </ol>
 * Positions 1 and 2 are accepted as any character of the code's alphabet: the standard's tables
 * have grown over time and a registry must not refuse a genuine body over a table we lag behind on.
 * The compact constructor validates, so an invalid instance cannot exist.
 */
public record CreditCode(String value) {

	public static final String ERROR_CODE = "CREDIT_CODE_INVALID";

	/** The 31 characters of GB 32100; I, O, Z, S and V are left out as easy to misread. */
	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** Weights of positions 1..17 (3^(i-1) mod 31). */
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	public static final int LENGTH = 18;

	public CreditCode {
		String raw = value;
		value = normalise(value);
		String problem = problem(value);
		if (problem != null) {
			throw DomainException.badRequest(ERROR_CODE, problem, raw);
		}
	}

	/** Reads a code as typed: surrounding blanks are dropped and letters upper-cased. */
	public static CreditCode parse(String raw) {
		return new CreditCode(raw);
	}

	public static boolean isValid(String raw) {
		return problem(normalise(raw)) == null;
	}

	/** The check character for the first 17 characters (upper case expected). */
	public static char checkCharacter(String first17) {
		String prefix = normalise(first17);
		if (prefix == null || prefix.length() != LENGTH - 1) {
			throw DomainException.badRequest(ERROR_CODE,
					"a check character needs exactly 17 characters, got "
							+ (prefix == null ? 0 : prefix.length()),
					first17);
		}
		int sum = 0;
		for (int i = 0; i < LENGTH - 1; i++) {
			int v = ALPHABET.indexOf(prefix.charAt(i));
			if (v < 0) {
				throw DomainException.badRequest(ERROR_CODE, illegalCharacter(prefix.charAt(i), i + 1), first17);
			}
			sum += v * WEIGHTS[i];
		}
		// 31 - (sum mod 31) is in 1..31; 31 stands for 0
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/** Completes 17 characters with their check character (used to generate demo data). */
	public static CreditCode withCheckCharacter(String first17) {
		return new CreditCode(normalise(first17) + checkCharacter(first17));
	}

	/** Position 1. */
	public char registrationAuthority() {
		return value.charAt(0);
	}

	/** Position 2. */
	public char organisationType() {
		return value.charAt(1);
	}

	/** Positions 3-8: the GB/T 2260 division where the body was registered. */
	public String divisionCode() {
		return value.substring(2, 8);
	}

	/** First two digits of the division code: the province (GB/T 2260), e.g. 61 for Shaanxi. */
	public String provinceCode() {
		return value.substring(2, 4);
	}

	/** Positions 9-17. */
	public String organisationCode() {
		return value.substring(8, 17);
	}

	/** Position 18. */
	public char check() {
		return value.charAt(17);
	}

	@Override
	public String toString() {
		return value;
	}

	private static String normalise(String raw) {
		return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
	}

	/** What is wrong with a normalised code, or null if nothing is. */
	private static String problem(String code) {
		if (code == null || code.isEmpty()) {
			return "credit code is empty";
		}
		if (code.length() != LENGTH) {
			return "credit code must have 18 characters, got " + code.length();
		}
		for (int i = 0; i < LENGTH; i++) {
			if (ALPHABET.indexOf(code.charAt(i)) < 0) {
				return illegalCharacter(code.charAt(i), i + 1);
			}
		}
		String division = code.substring(2, 8);
		if (!division.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return "administrative division code (positions 3-8) must be 6 digits, got '" + division + "'";
		}
		char expected = checkCharacter(code.substring(0, LENGTH - 1));
		if (code.charAt(LENGTH - 1) != expected) {
			return "bad check character '" + code.charAt(LENGTH - 1) + "' at position 18, expected '"
					+ expected + "'";
		}
		return null;
	}

	private static String illegalCharacter(char c, int position) {
		return "illegal character '" + c + "' at position " + position
				+ "; allowed are 0-9 and A-Y except I, O, S, V";
	}
}
