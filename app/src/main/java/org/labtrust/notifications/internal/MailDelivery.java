package org.labtrust.notifications.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.labtrust.shared.SqlTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail of notices whose body has a contact address, when Spring Boot has configured a
 * mail sender ({@code spring.mail.host} set); without one it does nothing and the inbox is all.
 * Notices are claimed in small batches with {@code FOR UPDATE SKIP LOCKED}, so that several nodes
 * never send the same one; a failure is logged and counted on the notice, which is tried again on
 * the next run (every {@code labtrust.notifications.mail.retry-interval}, and after each expiry run)
 * until {@code max-attempts}. The inbox notice never depends on the e-mail.
 */
@Component
public class MailDelivery {

	private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ObjectProvider<JavaMailSender> senders;

	private final NotificationsProperties.Mail settings;

	private final NoticeText text;

	private final Clock clock;

	private final Counter sent;

	private final Counter failed;

	/** Periodic sending works here, not on Spring's one scheduling thread (an SMTP time-out takes seconds). */
	private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "notice-mail");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean running = new AtomicBoolean();

	MailDelivery(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> senders,
			NotificationsProperties properties, NoticeText text, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.senders = senders;
		this.settings = properties.mail();
		this.text = text;
		this.clock = clock;
		this.sent = Counter.builder("labtrust.notifications.mail").tag("outcome", "sent")
			.description("Notice e-mails sent").register(meters);
		this.failed = Counter.builder("labtrust.notifications.mail").tag("outcome", "failed")
			.description("Notice e-mails that failed (tried again later)").register(meters);
	}

	/** Whether e-mail is configured at all. */
	public boolean enabled() {
		return senders.getIfAvailable() != null;
	}

	@Scheduled(initialDelayString = "${labtrust.notifications.mail.retry-interval:10m}",
			fixedDelayString = "${labtrust.notifications.mail.retry-interval:10m}")
	void retryPeriodically() {
		if (!enabled() || !running.compareAndSet(false, true)) {
			return;
		}
		worker.execute(() -> {
			try {
				deliverPending();
			}
			catch (RuntimeException e) {
				log.warn("Sending notice e-mails failed; trying again later", e);
			}
			finally {
				running.set(false);
			}
		});
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	/** Sends what is waiting with the configured sender; the number sent (0 without SMTP). */
	public int deliverPending() {
		JavaMailSender sender = senders.getIfAvailable();
		return sender == null ? 0 : deliverPending(sender);
	}

	private record Pending(long id, String to, String messageKey, List<String> args, String link) {
	}

	/** Sends what is waiting with the given sender, batch by batch; each notice at most once per run. */
	int deliverPending(JavaMailSender sender) {
		int total = 0;
		long after = 0;
		while (true) {
			long from = after;
			Batch batch = transaction.execute(status -> sendBatch(sender, from));
			if (batch == null || batch.claimed() == 0) {
				return total;
			}
			total += batch.sent();
			after = batch.lastId();
		}
	}

	private record Batch(int claimed, int sent, long lastId) {
	}

	private Batch sendBatch(JavaMailSender sender, long after) {
		Instant now = clock.instant();
		List<Pending> pending = jdbc.sql("""
				select id, email_to, message_key, args, link from notification
				where email_to is not null and emailed_at is null and id > ? and email_attempts < ? and created_at > ?
				order by id limit ? for update skip locked""")
			.params(after, settings.maxAttempts(), SqlTime.utc(now.minus(settings.maxAge())), settings.batchSize())
			.query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("email_to"), rs.getString("message_key"),
					Inbox.args(rs.getArray("args")), rs.getString("link")))
			.list();
		int count = 0;
		long last = after;
		for (Pending notice : pending) {
			last = notice.id();
			try {
				sender.send(message(sender, notice));
				jdbc.sql("update notification set emailed_at = ?, email_error = null where id = ?")
					.params(SqlTime.utc(clock.instant()), notice.id())
					.update();
				sent.increment();
				count++;
			}
			catch (MailException | MessagingException e) {
				log.warn("E-mail of notice {} to {} failed (tried again later): {}", notice.id(), notice.to(),
						e.getMessage());
				jdbc.sql("update notification set email_attempts = email_attempts + 1, email_error = ? where id = ?")
					.params(abbreviate(String.valueOf(e.getMessage())), notice.id())
					.update();
				failed.increment();
			}
		}
		return new Batch(pending.size(), count, last);
	}

	/** Chinese first, then English, as the pages are; the link made absolute. */
	private MimeMessage message(JavaMailSender sender, Pending notice) throws MessagingException {
		NoticeText.Rendered zh = text.render(notice.messageKey(), notice.args(), Locale.SIMPLIFIED_CHINESE);
		NoticeText.Rendered en = text.render(notice.messageKey(), notice.args(), Locale.ENGLISH);
		String link = notice.link() == null ? "" : "\n" + settings.baseUrl().replaceAll("/+$", "") + notice.link();
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
		helper.setFrom(settings.from());
		helper.setTo(notice.to());
		helper.setSubject(zh.title() + " / " + en.title());
		helper.setText(zh.text() + link + "\n\n" + en.text() + link + "\n");
		return message;
	}

	private static String abbreviate(String text) {
		return text.length() > 500 ? text.substring(0, 500) : text;
	}
}
