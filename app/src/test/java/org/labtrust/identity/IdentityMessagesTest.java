package org.labtrust.identity;

import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.labtrust.MessageBundlesTest;
import org.labtrust.identity.internal.apikey.ApiKey;
import org.labtrust.shared.access.Permission;
import org.labtrust.shared.access.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role, permission and key state has words in Chinese and in English on the staff pages
 * (keys in step and apostrophes: MessageBundlesTest).
 */
class IdentityMessagesTest {

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	@Test
	void everyRolePermissionAndKeyStateHasWordsInChineseAndInEnglish() {
		Properties chinese = MessageBundlesTest.load("i18n/identity.properties");
		Properties english = MessageBundlesTest.load("i18n/identity_en.properties");
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
}
