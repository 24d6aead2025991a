package org.labtrust.registry;

import java.util.Optional;
import java.util.regex.Pattern;

import org.labtrust.shared.DomainException;

/**
 * CMA certificate number (资质认定证书编号): 12 digits {@code YY AA FF MM NNNN}, that is issue year,
 * issuing authority (00 national, else a province), professional field, industry authority and a
 * serial from 0001. Example: {@code 152701060345} is 2015, Shaanxi, building engineering,
 * housing and construction, serial 345.
 * <p>
 * The two-digit year is always read as 20YY: this numbering only came into use in the 2000s, and
 * older 计量认证 / 审查认可 numbers have other formats, so they never reach this type.
 * <p>
 * The constructor checks the structure (digits, ranges, that the parts agree with the value);
 * the code tables are checked by {@link #parse} and {@link #of}, which is how instances should be
 * made.
 */
public record CmaNumber(String value, int issueYear, String authorityCode, String fieldCode, String industryCode,
		int serial) {

	public static final String ERROR_CODE = "CERT_NUMBER_INVALID";

	private static final Pattern TWELVE_DIGITS = Pattern.compile("^\\d{12}$");

	private static final int FIRST_YEAR = 2000;

	private static final int LAST_YEAR = 2099;

	public CmaNumber {
		if (value == null || !TWELVE_DIGITS.matcher(value).matches()) {
			throw invalid("a certificate number must be exactly 12 digits", value);
		}
		String expected = compose(issueYear, authorityCode, fieldCode, industryCode, serial, value);
		if (!expected.equals(value)) {
			throw invalid("the parts do not match the number " + value, value);
		}
	}

	/** Reads a number as written; spaces (also full-width) between the groups are ignored. */
	public static CmaNumber parse(String raw, CodeTables tables) {
		if (raw == null || raw.isBlank()) {
			throw invalid("certificate number is empty", raw);
		}
		String digits = raw.replaceAll("[\\s\u3000]", "");
		if (!TWELVE_DIGITS.matcher(digits).matches()) {
			throw invalid("a certificate number must be exactly 12 digits, got '" + digits + "'", raw);
		}
		int year = FIRST_YEAR + Integer.parseInt(digits.substring(0, 2));
		String authority = digits.substring(2, 4);
		String field = digits.substring(4, 6);
		String industry = digits.substring(6, 8);
		int serial = Integer.parseInt(digits.substring(8, 12));
		checkTables(authority, field, industry, tables, raw);
		if (serial == 0) {
			throw invalid("serial number (digits 9-12) must be 0001 to 9999, got 0000", raw);
		}
		return new CmaNumber(digits, year, authority, field, industry, serial);
	}

	/** Builds a number from its parts, e.g. for a newly issued certificate. */
	public static CmaNumber of(int issueYear, String authorityCode, String fieldCode, String industryCode, int serial,
			CodeTables tables) {
		String raw = issueYear + "/" + authorityCode + "/" + fieldCode + "/" + industryCode + "/" + serial;
		String value = compose(issueYear, authorityCode, fieldCode, industryCode, serial, raw);
		checkTables(authorityCode, fieldCode, industryCode, tables, raw);
		return new CmaNumber(value, issueYear, authorityCode, fieldCode, industryCode, serial);
	}

	/** Issued by SAMR (authority 00) rather than a provincial bureau. */
	public boolean isNational() {
		return CodeTables.NATIONAL_AUTHORITY.equals(authorityCode);
	}

	/** The issuing province, empty for a national certificate. */
	public Optional<CodeTables.Province> province(CodeTables tables) {
		return isNational() ? Optional.empty() : tables.provinceByAuthority(authorityCode);
	}

	/** The number in groups, as printed under the CMA mark: {@code 15 27 01 06 0345}. */
	public String formatted() {
		return value.substring(0, 2) + " " + value.substring(2, 4) + " " + value.substring(4, 6) + " "
				+ value.substring(6, 8) + " " + value.substring(8, 12);
	}

	@Override
	public String toString() {
		return value;
	}

	private static String compose(int issueYear, String authorityCode, String fieldCode, String industryCode,
			int serial, String raw) {
		if (issueYear < FIRST_YEAR || issueYear > LAST_YEAR) {
			throw invalid("issue year must be 2000 to 2099, got " + issueYear, raw);
		}
		requireTwoDigits("issuing authority code", authorityCode, raw);
		requireTwoDigits("field code", fieldCode, raw);
		requireTwoDigits("industry code", industryCode, raw);
		if (serial < 1 || serial > 9999) {
			throw invalid("serial number must be 1 to 9999, got " + serial, raw);
		}
		return String.format("%02d%s%s%s%04d", issueYear - FIRST_YEAR, authorityCode, fieldCode, industryCode, serial);
	}

	private static void checkTables(String authority, String field, String industry, CodeTables tables, String raw) {
		if (!tables.isKnownAuthority(authority)) {
			throw invalid("issuing authority code (digits 3-4) '" + authority
					+ "' is neither 00 (national) nor a known province code", raw);
		}
		if (tables.field(field).isEmpty()) {
			throw invalid("field code (digits 5-6) '" + field + "' is not a known professional field", raw);
		}
		if (tables.industry(industry).isEmpty()) {
			throw invalid("industry code (digits 7-8) '" + industry + "' is not a known industry authority", raw);
		}
	}

	private static void requireTwoDigits(String what, String code, String raw) {
		if (code == null || !code.matches("\\d{2}")) {
			throw invalid(what + " must be 2 digits, got '" + code + "'", raw);
		}
	}

	private static DomainException invalid(String detail, String raw) {
		return DomainException.badRequest(ERROR_CODE, detail, raw);
	}
}
