package org.labtrust;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message bundle (problems, public pages, staff pages) has the same keys in Chinese and in
 * English, and its messages with arguments keep their apostrophes through MessageFormat.
 */
public class MessageBundlesTest {

	/** A bundle file from the class path, read as UTF-8. */
	public static Properties load(String name) {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties;
	}

	/** The bundles the application reads: spring.messages.basename in application.yml. */
	static List<String> bundles() {
		try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream("application.yml")) {
			Matcher basename = Pattern.compile("basename: *([\\w/,-]+)").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			assertThat(basename.find()).isTrue();
			return List.of(basename.group(1).split(","));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void everyModulesBundleIsRead() {
		assertThat(bundles()).contains("messages", "i18n/portal", "i18n/identity", "i18n/reports", "i18n/licensing",
				"i18n/licensing-pages");
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void bothLanguagesHaveTheSameKeys(String bundle) {
		Properties chinese = load(bundle + ".properties");
		Properties english = load(bundle + "_en.properties");
		assertThat(chinese.keySet()).isNotEmpty().containsExactlyInAnyOrderElementsOf(english.keySet());
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void messagesWithArgumentsKeepTheirApostrophes(String bundle) {
		for (String language : new String[] { "", "_en" }) {
			Properties messages = load(bundle + language + ".properties");
			messages.stringPropertyNames().stream().filter(k -> messages.getProperty(k).contains("{0}")).forEach(key -> {
				String formatted = new MessageFormat(messages.getProperty(key)).format(new Object[] { "A", "B", "C" });
				assertThat(formatted).as(key).doesNotContain("{0}", "{1}");
				if (messages.getProperty(key).contains("''")) {
					assertThat(formatted).as(key).contains("'");
				}
				else {
					assertThat(messages.getProperty(key)).as(key + ": write ' as '' in a message with arguments")
						.doesNotContain("'");
				}
			});
		}
	}
}
