package org.labtrust.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code labtrust.notifications.*}. E-mail goes out only when Spring Boot configures a mail sender,
 * that is when {@code spring.mail.host} is set; these settings say how.
 *
 * @param mail sending notices by e-mail
 */
@ConfigurationProperties("labtrust.notifications")
public record NotificationsProperties(@DefaultValue Mail mail) {

	/**
	 * @param from sender address of the e-mails
	 * @param baseUrl the platform's public address, put before a notice's link in e-mails
	 * @param retryInterval how often unsent e-mails are tried again
	 * @param maxAttempts failed attempts after which a notice's e-mail is given up (the inbox keeps it)
	 * @param maxAge notices older than this are not e-mailed any more (e.g. when SMTP is configured later)
	 * @param batchSize e-mails claimed per transaction
	 */
	public record Mail(@DefaultValue("noreply@labtrust.example") String from,
			@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("10m") Duration retryInterval,
			@DefaultValue("10") int maxAttempts, @DefaultValue("14d") Duration maxAge,
			@DefaultValue("50") int batchSize) {
	}
}
