package org.labtrust.registry.internal.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.labtrust.registry.CreditCode;
import org.labtrust.registry.StandardCode;

/**
 * What a person typed into the search box, taken apart: standard codes (GB 5009.12-2017),
 * unified social credit codes and 12-digit certificate numbers match exactly; the rest is words.
 */
record SearchText(List<String> standardCodes, List<String> creditCodes, List<String> certificateNumbers,
		String words) {

	private static final Pattern STANDARD = Pattern.compile(
			"(?i)(?<![A-Z])[A-Z]{1,5}(?:\\s*[/／]\\s*[TZ])?\\s*[A-Z]?\\d+(?:\\.\\d+)*\\s*[-－—–]\\s*\\d{2,4}(?!\\d)");

	private static final Pattern CREDIT = Pattern.compile("(?i)(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])");

	private static final Pattern CERTIFICATE = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

	static SearchText parse(String raw) {
		String rest = SimplifiedChineseCharFilter.fold(raw.strip()).toUpperCase(Locale.ROOT);
		List<String> standards = new ArrayList<>();
		rest = extract(STANDARD, rest, m -> StandardCode.tryParse(m).map(StandardCode::code).orElse(null), standards);
		List<String> credits = new ArrayList<>();
		rest = extract(CREDIT, rest, m -> CreditCode.isValid(m) ? m : null, credits);
		List<String> numbers = new ArrayList<>();
		rest = extract(CERTIFICATE, rest, m -> m, numbers);
		return new SearchText(List.copyOf(standards), List.copyOf(credits), List.copyOf(numbers),
				rest.replaceAll("\\s+", " ").strip());
	}

	boolean isEmpty() {
		return standardCodes.isEmpty() && creditCodes.isEmpty() && certificateNumbers.isEmpty() && words.isEmpty();
	}

	private static String extract(Pattern pattern, String text, Function<String, String> accept,
			List<String> into) {
		Matcher m = pattern.matcher(text);
		StringBuilder rest = new StringBuilder();
		while (m.find()) {
			String value = accept.apply(m.group());
			m.appendReplacement(rest, value == null ? Matcher.quoteReplacement(m.group()) : " ");
			if (value != null) {
				into.add(value);
			}
		}
		m.appendTail(rest);
		return rest.toString();
	}
}
