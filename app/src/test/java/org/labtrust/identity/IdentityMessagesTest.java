package org.labtrust.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chinese and English texts of the sign-in and staff pages stay in step, the Chinese one
 * really is Chinese, and every role, permission and key state has words in both.
 */
class IdentityMessagesTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = IdentityMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
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
		Properties chinese = load("i18n/identity.properties");
		Properties english = load("i18n/identity_en.properties");

		assertThat(chinese.keySet()).isNotEmpty().containsExactlyInAnyOrderElementsOf(english.keySet());
	}

	@Test
	void everyRolePermissionAndKeyStateHasWordsInChineseAndInEnglish() {
		Properties chinese = load("i18n/identity.properties");
		Properties english = load("i18n/identity_en.properties");
		for (Role role : Role.values()) {
			assertThat(HAN.matcher(chinese.getProperty("role." + role.name(), "")).find()).as(role.name()).isTrue();
			assertThat(english.getProperty("role." + role.name())).as(role.name()).isNotBlank();
		}
		for (Permission permission : Permission.values()) {
			assertThat(HAN.matcher(chinese.getProperty("permission." + permission.name(), "")).find())
				.as(permission.name())
				.isTrue();
			assertThat(english.getProperty("permission." + permission.name())).as(permission.name()).isNotBlank();
		}
		for (ApiKey.State state : ApiKey.State.values()) {
			assertThat(HAN.matcher(chinese.getProperty("keys.state." + state.name(), "")).find()).isTrue();
			assertThat(english.getProperty("keys.state." + state.name())).isNotBlank();
		}
		assertThat(HAN.matcher(english.getProperty("login.title")).find()).isFalse();
	}

	@Test
	void englishMessagesWithArgumentsKeepTheirApostrophes() {
		Properties english = load("i18n/identity_en.properties");
		english.stringPropertyNames().stream().filter(k -> english.getProperty(k).contains("{0}")).forEach(key -> {
			String formatted = new MessageFormat(english.getProperty(key)).format(new Object[] { "A", "B" });
			assertThat(formatted).as(key).doesNotContain("{0}", "{1}");
			if (english.getProperty(key).contains("''")) {
				assertThat(formatted).as(key).contains("'");
			}
			else {
				assertThat(english.getProperty(key)).as(key + ": write ' as '' in a message with arguments")
					.doesNotContain("'");
			}
		});
	}
}
