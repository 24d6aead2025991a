package org.labtrust.notifications.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.labtrust.shared.DomainException;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's inbox: the notices of the body their account belongs to, newest first, with their
 * own read marks. Only people have an inbox (an API key is no reader); people of no body (officers,
 * experts) have an empty one. A notice of another body does not exist for the reader (404).
 */
@Service
public class Inbox {

	public static final int DEFAULT_PAGE_SIZE = 20;

	public static final int MAX_PAGE_SIZE = 100;

	private static final String ITEM_COLUMNS = """
			n.id, n.kind, n.message_key, n.args, n.link, n.created_at,
			(select r.read_at from notification_read r where r.notification_id = n.id and r.account_id = ?) as read_at""";

	private final JdbcClient jdbc;

	private final NoticeText text;

	private final Clock clock;

	Inbox(JdbcClient jdbc, NoticeText text, Clock clock) {
		this.jdbc = jdbc;
		this.text = text;
		this.clock = clock;
	}

	/** A notice as one reader sees it. */
	public record Item(long id, String kind, String title, String text, String link, Instant createdAt, boolean read,
			Instant readAt) {
	}

	/** One page, newest first; {@code nextBefore} is the id to pass as {@code before} for the next page, or null. */
	public record Page(List<Item> items, long unread, Long nextBefore) {
	}

	@Transactional(readOnly = true)
	public Page page(Actor reader, Long before, Integer size, Locale locale) {
		long account = accountId(reader);
		int limit = size == null ? DEFAULT_PAGE_SIZE : size;
		if (limit < 1 || limit > MAX_PAGE_SIZE) {
			throw DomainException.badRequest("INBOX_PAGE_INVALID", "size is 1 to " + MAX_PAGE_SIZE, MAX_PAGE_SIZE);
		}
		if (reader.bodyId() == null) {
			return new Page(List.of(), 0, null);
		}
		List<Item> items = new ArrayList<>(jdbc.sql("select " + ITEM_COLUMNS
				+ " from notification n where n.body_id = ? and n.id < ? order by n.id desc limit ?")
			.params(account, reader.bodyId(), before == null ? Long.MAX_VALUE : before, limit + 1)
			.query((rs, i) -> item(rs, locale))
			.list());
		Long next = null;
		if (items.size() > limit) {
			items = items.subList(0, limit);
			next = items.get(limit - 1).id();
		}
		return new Page(List.copyOf(items), unreadCount(reader), next);
	}

	/** Notices of the reader's body that this reader has not marked read. */
	@Transactional(readOnly = true)
	public long unreadCount(Actor reader) {
		if (reader.kind() != Actor.Kind.PERSON || reader.bodyId() == null) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from notification n where n.body_id = ? and not exists
				  (select 1 from notification_read r where r.notification_id = n.id and r.account_id = ?)""")
			.params(reader.bodyId(), accountId(reader))
			.query(Long.class)
			.single();
	}

	/** Marks a notice of the reader's body read for this reader (again: no change). */
	@Transactional
	public Item markRead(Actor reader, long id, Locale locale) {
		long account = accountId(reader);
		if (reader.bodyId() == null || jdbc.sql("select count(*) from notification where id = ? and body_id = ?")
			.params(id, reader.bodyId())
			.query(Long.class)
			.single() == 0) {
			throw DomainException.notFound("NOTICE_NOT_FOUND", "No notice " + id, id);
		}
		jdbc.sql("""
				insert into notification_read (notification_id, account_id, read_at) values (?, ?, ?)
				on conflict do nothing""").params(id, account, SqlTime.utc(clock.instant())).update();
		return jdbc.sql("select " + ITEM_COLUMNS + " from notification n where n.id = ?")
			.params(account, id)
			.query((rs, i) -> item(rs, locale))
			.single();
	}

	private Item item(ResultSet rs, Locale locale) throws SQLException {
		NoticeText.Rendered rendered = text.render(rs.getString("message_key"), args(rs.getArray("args")), locale);
		Instant readAt = SqlTime.instant(rs, "read_at");
		return new Item(rs.getLong("id"), rs.getString("kind"), rendered.title(), rendered.text(), rs.getString("link"),
				SqlTime.instant(rs, "created_at"), readAt != null, readAt);
	}

	static List<String> args(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	/** The reader's account: only people signed in with an account have an inbox. */
	private static long accountId(Actor reader) {
		if (reader.kind() != Actor.Kind.PERSON || !reader.id().startsWith("account:")) {
			throw Actor.forbidden();
		}
		try {
			return Long.parseLong(reader.id().substring("account:".length()));
		}
		catch (NumberFormatException e) {
			throw Actor.forbidden();
		}
	}
}
