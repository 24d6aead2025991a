package org.labtrust.identity.internal.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.labtrust.shared.ChinaTime;
import org.labtrust.shared.DomainException;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Searching the trail, newest first, one page at a time (keyset on seq). A provincial
 * administrator sees the rows of actors in the province and of targets in it; a national one sees
 * everything.
 */
@Component
public class AuditSearch {

	public static final int PAGE_SIZE = 50;

	private static final ZoneId CHINA = ChinaTime.ZONE;

	private static final int MAX_TEXT = 200;

	private final JdbcClient jdbc;

	private final JdbcAuditTrail trail;

	AuditSearch(JdbcClient jdbc, JdbcAuditTrail trail) {
		this.jdbc = jdbc;
		this.trail = trail;
	}

	/** Filters as typed by a person or a client; blank means "any". Dates are China dates. */
	public record Query(String actor, String action, String targetType, String targetId, String outcome, String from,
			String to, String before) {
	}

	public record Item(long seq, Instant occurredAt, String actorKind, String actorId, String actorName,
			String actorRoles, String actorJurisdiction, Long actorBodyId, String action, String outcome,
			String targetType, String targetId, String targetAuthority, String detail, String requestId,
			String clientAddress, String hash) {
	}

	/** One page; {@code nextBefore} is the seq to pass as {@code before} for the next page, or null. */
	public record Page(List<Item> items, Long nextBefore) {
	}

	public Page search(Query query, Actor viewer) {
		viewer.require(Permission.AUDIT_READ);
		trail.flush(); // so that what was just done is found
		StringBuilder sql = new StringBuilder("select " + AuditRows.COLUMNS + " from audit_entry where true");
		List<Object> params = new ArrayList<>();
		if (!viewer.jurisdiction().isNational()) {
			sql.append(" and (actor_jurisdiction = ? or target_authority = ?)");
			params.add(viewer.jurisdiction().authorityCode());
			params.add(viewer.jurisdiction().authorityCode());
		}
		String actor = text(query.actor(), "actor");
		if (actor != null) {
			sql.append(" and (actor_id = ? or actor_name = ?)");
			params.add(actor);
			params.add(actor.toLowerCase());
		}
		String action = text(query.action(), "action");
		if (action != null) {
			sql.append(" and (action = ? or action like ? escape '\\')");
			params.add(action);
			params.add(action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%");
		}
		equal(sql, params, "target_type", text(query.targetType(), "targetType"));
		equal(sql, params, "target_id", text(query.targetId(), "targetId"));
		equal(sql, params, "outcome", text(query.outcome(), "outcome"));
		LocalDate from = date(query.from(), "from");
		if (from != null) {
			sql.append(" and occurred_at >= ?");
			params.add(from.atStartOfDay(CHINA).toOffsetDateTime());
		}
		LocalDate to = date(query.to(), "to");
		if (to != null) {
			sql.append(" and occurred_at < ?");
			params.add(to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
		}
		String before = text(query.before(), "before");
		if (before != null) {
			try {
				params.add(Long.parseLong(before));
			}
			catch (NumberFormatException e) {
				throw DomainException.badRequest("AUDIT_FILTER_INVALID", "Invalid filter before", "before");
			}
			sql.append(" and seq < ?");
		}
		sql.append(" order by seq desc limit ").append(PAGE_SIZE + 1);
		List<Item> items = jdbc.sql(sql.toString()).params(params).query((rs, n) -> item(AuditRows.map(rs))).list();
		Long next = null;
		if (items.size() > PAGE_SIZE) {
			items = items.subList(0, PAGE_SIZE);
			next = items.get(PAGE_SIZE - 1).seq();
		}
		return new Page(List.copyOf(items), next);
	}

	private static Item item(AuditRow r) {
		return new Item(r.seq(), r.occurredAt(), r.actorKind(), r.actorId(), r.actorName(), r.actorRoles(),
				r.actorJurisdiction(), r.actorBodyId(), r.action(), r.outcome(), r.targetType(), r.targetId(),
				r.targetAuthority(), r.detail(), r.requestId(), r.clientAddress(), HexFormat.of().formatHex(r.hash()));
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}

	private static String text(String value, String name) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > MAX_TEXT) {
			throw DomainException.badRequest("AUDIT_FILTER_INVALID", "Invalid filter " + name, name);
		}
		return value.strip();
	}

	private static LocalDate date(String value, String name) {
		String text = text(value, name);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			throw DomainException.badRequest("AUDIT_FILTER_INVALID", "Invalid filter " + name, name);
		}
	}
}
