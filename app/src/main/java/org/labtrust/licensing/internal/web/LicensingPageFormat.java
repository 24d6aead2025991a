package org.labtrust.licensing.internal.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.labtrust.registry.CodeTables;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.shared.ChinaTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the licensing pages write dates, times, numbers and professional fields in the language of
 * the request (2026年11月27日 in Chinese, ISO in English; Beijing time). Templates call it as
 * {@code @licensingFormat}.
 */
@Component("licensingFormat")
public class LicensingPageFormat {

	private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("uuuu年M月d日");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final String NONE = "—";

	private final RegistryQueries registry;

	LicensingPageFormat(RegistryQueries registry) {
		this.registry = registry;
	}

	public boolean zh() {
		return RegistryQueries.isChinese(LocaleContextHolder.getLocale());
	}

	public String date(LocalDate date) {
		return date == null ? NONE : zh() ? DATE_ZH.format(date) : date.toString();
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return NONE;
		}
		var local = instant.atZone(ChinaTime.ZONE);
		return date(local.toLocalDate()) + " " + TIME.format(local);
	}

	public String number(long value) {
		return NumberFormat.getIntegerInstance(zh() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH).format(value);
	}

	/** An authority by name, e.g. 广东省市场监督管理局 for 19; the code when unknown. */
	public String authority(String code) {
		if (code == null || !registry.codes().isKnownAuthority(code)) {
			return code == null ? NONE : code;
		}
		return registry.authorityName(code, zh());
	}

	/** A professional field by code and name, e.g. 12 环境监测. */
	public String field(String code) {
		return registry.codes().field(code).map(f -> code + " " + (zh() ? f.nameZh() : f.nameEn())).orElse(code);
	}

	public String fieldName(CodeTables.Field field) {
		return zh() ? field.nameZh() : field.nameEn();
	}

	public String industryName(CodeTables.Industry industry) {
		return zh() ? industry.nameZh() : industry.nameEn();
	}

	/** Fields of a comma-separated list, by name. */
	public String fields(String codes) {
		if (codes == null || codes.isBlank()) {
			return NONE;
		}
		return String.join(zh() ? "、" : ", ", java.util.Arrays.stream(codes.split(",")).map(this::field).toList());
	}
}
