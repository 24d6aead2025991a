package org.labtrust.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Chinese and English page texts stay in step, and the Chinese one really is Chinese. */
class PortalMessagesTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = PortalMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}

	@Test
	void bothLanguagesHaveTheSameKeys() {
		Set<Object> chinese = load("i18n/portal.properties").keySet();
		Set<Object> english = load("i18n/portal_en.properties").keySet();

		assertThat(chinese).isNotEmpty().containsExactlyInAnyOrderElementsOf(english);
	}

	@Test
	void theDefaultBundleIsChineseAndTheEnglishOneIsNot() {
		Properties chinese = load("i18n/portal.properties");
		Properties english = load("i18n/portal_en.properties");

		assertThat(HAN.matcher(chinese.getProperty("site.name")).find()).isTrue();
		assertThat(HAN.matcher(english.getProperty("site.name")).find()).isFalse();
		for (String status : new String[] { "VALID", "SUSPENDED", "REVOKED", "CANCELLED", "EXPIRED" }) {
			assertThat(chinese.getProperty("verdict." + status)).as(status).isNotBlank();
		}
	}
}
