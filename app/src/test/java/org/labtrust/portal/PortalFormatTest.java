package org.labtrust.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.ScopeStatus;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class PortalFormatTest {

	// dates, numbers and labels need no code tables
	private final PortalFormat format = new PortalFormat(null);

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void chineseDatesAreWrittenWithYearMonthAndDay() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		assertThat(format.date(LocalDate.of(2026, 11, 27))).isEqualTo("2026年11月27日");
		assertThat(format.date(LocalDate.of(2027, 4, 5))).isEqualTo("2027年4月5日");
		assertThat(format.date(null)).isEqualTo("—");
	}

	@Test
	void englishDatesAreIso() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(format.date(LocalDate.of(2027, 4, 5))).isEqualTo("2027-04-05");
	}

	@Test
	void timesAreShownInBeijingTime() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		// 17:30 UTC is 01:30 the next day in Beijing
		assertThat(format.dateTime(Instant.parse("2021-04-27T17:30:00Z"))).isEqualTo("2021年4月28日 01:30");
		assertThat(format.day(Instant.parse("2021-04-27T17:30:00Z"))).isEqualTo("2021年4月28日");
	}

	@Test
	void numbersHaveThousandsSeparatorsInBothLanguages() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(format.number(51234)).isEqualTo("51,234");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(format.number(5_004_321)).isEqualTo("5,004,321");
	}

	@Test
	void statusesAreWordsInTheLanguageOfTheRequestWithAClassPerStatus() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		assertThat(format.status(CertificateStatus.CANCELLED)).isEqualTo("注销");
		assertThat(format.scopeStatus(ScopeStatus.WITHDRAWN)).isEqualTo("撤销");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(format.status(CertificateStatus.CANCELLED)).isEqualTo("Cancelled");
		assertThat(format.statusClass(CertificateStatus.SUSPENDED)).isEqualTo("status-suspended");
	}
}
