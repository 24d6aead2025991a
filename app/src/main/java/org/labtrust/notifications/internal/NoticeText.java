package org.labtrust.notifications.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A notice's heading and text in one language, from its message key and arguments. */
@Component
public class NoticeText {

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

	private final MessageSource messages;

	NoticeText(MessageSource messages) {
		this.messages = messages;
	}

	/** Heading and text. */
	public record Rendered(String title, String text) {
	}

	public Rendered render(String messageKey, List<String> args, Locale locale) {
		Object[] formatted = args.stream().map(a -> format(a, locale)).toArray();
		String title = messages.getMessage(messageKey + ".title", formatted, messageKey, locale);
		String text = messages.getMessage(messageKey, formatted, messageKey, locale);
		return new Rendered(title, text);
	}

	/** Dates as 2026年11月27日 in Chinese and ISO in English (UX.md); anything else as it is. */
	static String format(String arg, Locale locale) {
		if (arg == null || !ISO_DATE.matcher(arg).matches() || !"zh".equals(locale.getLanguage())) {
			return arg;
		}
		try {
			return LocalDate.parse(arg).format(CHINESE_DATE);
		}
		catch (DateTimeParseException e) {
			return arg;
		}
	}
}
