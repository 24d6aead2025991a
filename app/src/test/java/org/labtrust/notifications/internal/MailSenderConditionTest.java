package org.labtrust.notifications.internal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail is on exactly when {@code spring.mail.host} is set: the timeouts that application.yml sets
 * for every deployment do not make a mail sender on their own.
 */
class MailSenderConditionTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
		.withPropertyValues("spring.mail.properties[mail.smtp.timeout]=10000");

	@Test
	void withoutAHostThereIsNoMailSender() {
		context.run(started -> assertThat(started).doesNotHaveBean(JavaMailSender.class));
	}

	@Test
	void withAHostThereIsOne() {
		context.withPropertyValues("spring.mail.host=smtp.example.cn")
			.run(started -> assertThat(started).hasSingleBean(JavaMailSender.class));
	}
}
