package org.labtrust.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.labtrust.shared.DomainException;

/**
 * Designation of a Chinese standard as cited in a capability scope, e.g. {@code GB 5009.12-2017},
 * {@code GB/T 5750.6-2023}, {@code JTG E20-2011}: prefix, number and the year of the edition.
 * The canonical form is {@code PREFIX NUMBER-YYYY}.
 * <p>
 * {@link #parse} accepts what people actually type into forms and what old reports print:
 * full-width characters, no space after the prefix, en or em dash, lower case and two-digit years.
 */
public record StandardCode(String prefix, String number, int year) {

	public static final String ERROR_CODE = "STANDARD_CODE_INVALID";

	/** Letters, optionally /T (recommended) or /Z (guidance). */
	private static final Pattern PREFIX = Pattern.compile("[A-Z]+(?:/[TZ])?");

	/** Dot-separated groups of letters and digits, with at least one digit (5009.12, E20, 0064.6). */
	private static final Pattern NUMBER = Pattern.compile("(?=[A-Z0-9.]*\\d)[A-Z0-9]+(?:\\.[A-Z0-9]+)*");

	/**
	 * The whole designation after normalisation. The prefix is greedy, so without a space a number
	 * that starts with a letter is read as part of the prefix ({@code JTGE20} is {@code JTGE 20});
	 * such numbers need the space, as they always carry it in print.
	 */
	private static final Pattern DESIGNATION = Pattern
			.compile("^(" + PREFIX.pattern() + ") ?(" + NUMBER.pattern() + ") ?- ?(\\d{4}|\\d{2})$");

	/**
	 * Two-digit years 00..30 are 20xx, 31..99 are 19xx. Short years were common in print until the
	 * 1990s, so 19xx must win for most values; 30 leaves room for editions still to come. A result
	 * before 1950 is then refused like any other impossible year.
	 */
	static final int TWO_DIGIT_YEAR_PIVOT = 30;

	/** The first national standards date from the 1950s; later than 2099 is a typing error. */
	private static final int FIRST_YEAR = 1950;

	private static final int LAST_YEAR = 2099;

	public StandardCode {
		if (prefix == null || !PREFIX.matcher(prefix).matches()) {
			throw invalid("prefix must be upper-case letters, optionally followed by /T or /Z, got '" + prefix + "'",
					prefix + " " + number + "-" + year);
		}
		if (number == null || !NUMBER.matcher(number).matches()) {
			throw invalid("number must be letters and digits separated by dots, got '" + number + "'",
					prefix + " " + number + "-" + year);
		}
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw invalid("year must be " + FIRST_YEAR + " to " + LAST_YEAR + ", got " + year,
					prefix + " " + number + "-" + year);
		}
	}

	public static StandardCode parse(String raw) {
		if (raw == null || raw.isBlank()) {
			throw invalid("standard code is empty", raw);
		}
		String text = normalise(raw);
		Matcher m = DESIGNATION.matcher(text);
		if (!m.matches()) {
			throw invalid(explain(text), raw);
		}
		String yearText = m.group(3);
		int year = Integer.parseInt(yearText);
		if (yearText.length() == 2) {
			year += year <= TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900;
		}
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw invalid("year must be " + FIRST_YEAR + " to " + LAST_YEAR + ", got " + year, raw);
		}
		return new StandardCode(m.group(1), m.group(2), year);
	}

	/** Like {@link #parse}, for free text where a non-standard is not an error. */
	public static Optional<StandardCode> tryParse(String raw) {
		try {
			return Optional.of(parse(raw));
		}
		catch (DomainException e) {
			return Optional.empty();
		}
	}

	/** {@code PREFIX NUMBER-YYYY}, e.g. {@code GB/T 5750.6-2023}. */
	public String code() {
		return prefix + " " + number + "-" + year;
	}

	/** Recommended (推荐性) standard: prefix ends with /T. Otherwise mandatory or guidance. */
	public boolean recommended() {
		return prefix.endsWith("/T");
	}

	/** Guidance technical document: prefix ends with /Z. */
	public boolean guidance() {
		return prefix.endsWith("/Z");
	}

	@Override
	public String toString() {
		return code();
	}

	/** Full-width to ASCII, dashes to '-', upper case, and single spaces only where they may occur. */
	private static String normalise(String raw) {
		// NFKC folds full-width letters, digits, ／, － and the ideographic space to ASCII
		String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
		text = text.replaceAll("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63]", "-");
		text = text.toUpperCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
		return text.replaceAll(" ?/ ?", "/");
	}

	/** A detail that names the part that is wrong, for the form's error message. */
	private static String explain(String text) {
		Matcher prefix = Pattern.compile("^[A-Z]+(?:/[TZ])?").matcher(text);
		if (!prefix.lookingAt()) {
			return "a standard code must start with a letter prefix such as GB or GB/T, got '" + text + "'";
		}
		String rest = text.substring(prefix.end()).strip();
		if (rest.startsWith("/")) {
			return "the prefix may only be followed by /T or /Z, got '" + text + "'";
		}
		int dash = rest.lastIndexOf('-');
		if (dash < 0) {
			return "a standard code needs '-' and the year after the number, got '" + text + "'";
		}
		String number = rest.substring(0, dash).strip();
		String year = rest.substring(dash + 1).strip();
		if (!NUMBER.matcher(number).matches()) {
			return "the number '" + number + "' must be letters and digits separated by dots, got '" + text + "'";
		}
		if (!year.matches("\\d{4}|\\d{2}")) {
			return "the year '" + year + "' must have 4 (or 2) digits, got '" + text + "'";
		}
		return "not a standard code of the form PREFIX NUMBER-YEAR: '" + text + "'";
	}

	private static DomainException invalid(String detail, String raw) {
		return DomainException.badRequest(ERROR_CODE, detail, raw);
	}
}
