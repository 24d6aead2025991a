package org.labtrust.notifications;

import java.time.Clock;

import org.labtrust.notifications.internal.Inbox;
import org.labtrust.notifications.internal.MailDelivery;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's face: tell a body something, count a reader's unread notices, send waiting e-mail.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final ObjectProvider<BodyContacts> contacts;

	private final Inbox inbox;

	private final MailDelivery mail;

	private final Clock clock;

	Notifications(JdbcClient jdbc, ObjectProvider<BodyContacts> contacts, Inbox inbox, MailDelivery mail, Clock clock) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.inbox = inbox;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Puts a notice in the inbox of every account of the body, and queues it for e-mail to the body's
	 * contact address if it has one (sent by {@link #deliverMail()} when SMTP is configured). Takes
	 * part in the caller's transaction, so the notice exists exactly when the caller's change does.
	 *
	 * @return true when the notice is new; false when one with the same dedup key was already there
	 */
	@Transactional
	public boolean notifyBody(long bodyId, Notice notice) {
		BodyContacts directory = contacts.getIfAvailable();
		String email = directory == null ? null : directory.contactEmail(bodyId).filter(a -> !a.isBlank()).orElse(null);
		return jdbc.sql("""
				insert into notification (body_id, kind, message_key, args, link, dedup_key, created_at, email_to)
				values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (body_id, dedup_key) do nothing""")
			.params(bodyId, notice.kind(), notice.messageKey(), notice.args().toArray(new String[0]), notice.link(),
					notice.dedupKey(), SqlTime.utc(clock.instant()), email)
			.update() == 1;
	}

	/** Notices of the reader's body that the reader has not read (0 for anyone without an inbox). */
	public long unreadCount(Actor reader) {
		return inbox.unreadCount(reader);
	}

	/** Sends waiting e-mails now (nothing without SMTP); failures stay queued. The number sent. */
	public int deliverMail() {
		return mail.deliverPending();
	}
}
