package org.labtrust.portal;

import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.labtrust.MessageBundlesTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The public pages speak Chinese by default and English when asked (keys in step: MessageBundlesTest). */
class PortalMessagesTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Test
	void theDefaultBundleIsChineseAndTheEnglishOneIsNot() {
		Properties chinese = MessageBundlesTest.load("i18n/portal.properties");
		Properties english = MessageBundlesTest.load("i18n/portal_en.properties");

		assertThat(HAN.matcher(chinese.getProperty("site.name")).find()).isTrue();
		assertThat(HAN.matcher(english.getProperty("site.name")).find()).isFalse();
		for (String status : new String[] { "VALID", "SUSPENDED", "REVOKED", "CANCELLED", "EXPIRED" }) {
			assertThat(chinese.getProperty("verdict." + status)).as(status).isNotBlank();
		}
	}
}
