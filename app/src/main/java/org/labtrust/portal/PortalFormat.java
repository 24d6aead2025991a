package org.labtrust.portal;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.shared.ChinaTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the pages write dates, numbers, statuses and codes, in the language of the request:
 * 2026年11月27日 in Chinese and 2026-11-27 in English, numbers with thousands separators, times in
 * Beijing time. Templates call it as {@code @portalFormat}.
 */
@Component("portalFormat")
class PortalFormat {

	static final ZoneId BEIJING = ChinaTime.ZONE;

	private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("uuuu年M月d日");

	private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ISO_LOCAL_DATE;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final String NONE = "—";

	private final RegistryQueries queries;

	PortalFormat(RegistryQueries queries) {
		this.queries = queries;
	}

	public boolean zh() {
		return RegistryQueries.isChinese(locale());
	}

	public String date(LocalDate date) {
		if (date == null) {
			return NONE;
		}
		return (zh() ? DATE_ZH : DATE_EN).format(date);
	}

	/** The day of an instant in Beijing time. */
	public String day(Instant instant) {
		return instant == null ? NONE : date(instant.atZone(BEIJING).toLocalDate());
	}

	/** An instant as the date and minute in Beijing time. */
	public String dateTime(Instant instant) {
		if (instant == null) {
			return NONE;
		}
		var local = instant.atZone(BEIJING);
		return date(local.toLocalDate()) + " " + TIME.format(local);
	}

	public String number(long value) {
		return NumberFormat.getIntegerInstance(zh() ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH).format(value);
	}

	public String status(CertificateStatus status) {
		return status == null ? NONE : zh() ? status.labelZh() : status.labelEn();
	}

	public String scopeStatus(ScopeStatus status) {
		return status == null ? NONE : zh() ? status.labelZh() : status.labelEn();
	}

	/** CSS class of a status badge or banner, e.g. {@code status-suspended}. */
	public String statusClass(Enum<?> status) {
		return status == null ? "status-none" : "status-" + status.name().toLowerCase(Locale.ROOT);
	}

	public String fieldName(String code) {
		return queries.codes().field(code).map(f -> zh() ? f.nameZh() : f.nameEn()).orElse(code);
	}

	public String authorityName(String code) {
		if (code == null || !queries.codes().isKnownAuthority(code)) {
			return code == null ? NONE : code;
		}
		return queries.authorityName(code, zh());
	}

	/** The label of a filter value that {@code BodySearchQuery.parse} has accepted, e.g. 陕西省 for province 61. */
	public String filterLabel(String facet, String value) {
		return switch (facet) {
			case "province" -> queries.provinceName(value, zh());
			case "field" -> fieldName(value);
			case "status" -> status(CertificateStatus.valueOf(value.toUpperCase(Locale.ROOT)));
			case "authority" -> authorityName(value);
			default -> value;
		};
	}

	public String orNone(String value) {
		return value == null || value.isBlank() ? NONE : value;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
