package org.labtrust.notifications.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.internal.account.AccountService;
import org.labtrust.notifications.Notifications;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.internal.expiry.CertificateExpiry;
import org.labtrust.registry.internal.expiry.ExpiryFixtures;
import org.labtrust.registry.internal.expiry.ExpiryFixtures.Cert;
import org.labtrust.registry.internal.expiry.ExpiryFixtures.Province;
import org.labtrust.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices by e-mail through a real SMTP server in the test (GreenMail). The shared test platform
 * has no {@code spring.mail.host}, so it has no mail sender: that the job works without one is
 * checked there, and the sending is checked here with a sender made for GreenMail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailDeliveryTest extends IntegrationTest {

	@Autowired
	CertificateExpiry expiry;

	@Autowired
	MailDelivery delivery;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entities;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AccountService accounts;

	private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private ExpiryFixtures fixtures;

	private LocalDate today;

	@BeforeAll
	void start() {
		smtp.start();
		fixtures = new ExpiryFixtures(jdbc, entities, transactions, accounts);
		today = LocalDate.now(ChinaTime.ZONE);
	}

	@AfterAll
	void stop() {
		smtp.stop();
		fixtures.removeAll();
	}

	private JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("localhost");
		sender.setPort(port);
		sender.setDefaultEncoding("UTF-8");
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "2000");
		properties.put("mail.smtp.timeout", "2000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private List<MimeMessage> mailTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	@Test
	void withoutSmtpTheJobStillFillsTheInboxAndNothingIsSent() {
		long body = fixtures.body(Province.GUANGDONG, "quality@no-smtp.example.cn");
		Cert certificate = fixtures.certificate(body, Province.GUANGDONG, today.plusMonths(2).withDayOfMonth(15),
				CertificateStatus.VALID);

		expiry.run(today);

		assertThat(delivery.enabled()).as("no spring.mail.host in the tests' platform").isFalse();
		assertThat(notifications.deliverMail()).isZero();
		assertThat(fixtures.noticeKinds(certificate)).containsExactly("certificate.renewal.last");
		assertThat(jdbc.sql("select email_to from notification where body_id = ?").param(body).query(String.class)
			.single()).as("kept for when SMTP is configured").isEqualTo("quality@no-smtp.example.cn");
	}

	@Test
	void eachNoticeIsMailedOnceToTheBodysContactAddressInChineseAndEnglish() throws Exception {
		long body = fixtures.body(Province.GUANGDONG, "quality@lab-once.example.cn");
		long noAddress = fixtures.body(Province.GUANGDONG, null);
		Cert certificate = fixtures.certificate(body, Province.GUANGDONG, today.plusMonths(4).withDayOfMonth(15),
				CertificateStatus.VALID);
		fixtures.certificate(noAddress, Province.GUANGDONG, today.plusMonths(4).withDayOfMonth(15),
				CertificateStatus.VALID);
		expiry.run(today);

		assertThat(delivery.deliverPending(sender(smtp.getSmtp().getPort()))).isPositive();
		assertThat(delivery.deliverPending(sender(smtp.getSmtp().getPort()))).as("nothing left to send").isZero();
		expiry.run(today);
		delivery.deliverPending(sender(smtp.getSmtp().getPort()));

		assertThat(mailTo("quality@lab-once.example.cn")).hasSize(1);
		MimeMessage mail = mailTo("quality@lab-once.example.cn").get(0);
		assertThat(mail.getSubject()).contains("资质认定证书将在6个月内到期").contains("CMA certificate expires within 6 months");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("noreply@labtrust.example");
		String text = (String) mail.getContent();
		assertThat(text).contains(certificate.number())
			.contains("https://labtrust.example" + CertificateExpiry.renewalLink(certificate.number()))
			.contains("有效期至 " + certificate.validUntil().getYear() + "年")
			.contains("valid until " + certificate.validUntil());
		assertThat(jdbc.sql("select count(*) from notification where body_id = ? and emailed_at is not null")
			.param(body).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFailedSendingIsRecordedAndTriedAgainAndTheInboxNoticeStays() {
		long body = fixtures.body(Province.JIANGSU, "quality@lab-retry.example.cn");
		fixtures.certificate(body, Province.JIANGSU, today.plusMonths(5).withDayOfMonth(15), CertificateStatus.VALID);
		expiry.run(today);

		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort(); // free again once closed: nobody answers there
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		assertThat(delivery.deliverPending(sender(closedPort))).isZero();
		assertThat(jdbc.sql("select email_attempts || ' ' || (email_error is not null) from notification where body_id = ?")
			.param(body).query(String.class).single()).isEqualTo("1 true");
		assertThat(fixtures.noticeKinds(body)).containsExactly("certificate.renewal.early");
		assertThat(mailTo("quality@lab-retry.example.cn")).isEmpty();

		delivery.deliverPending(sender(smtp.getSmtp().getPort()));
		assertThat(mailTo("quality@lab-retry.example.cn")).hasSize(1);
		assertThat(jdbc.sql("select (emailed_at is not null) || ' ' || (email_error is null) from notification where body_id = ?")
			.param(body).query(String.class).single()).isEqualTo("true true");
	}
}
