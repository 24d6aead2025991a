package org.labtrust.identity.internal.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.labtrust.shared.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.labtrust.shared.SqlTime.instant;
import static org.labtrust.shared.SqlTime.utc;

/** API keys in PostgreSQL. */
@Repository
class ApiKeyStore {

	private static final String COLUMNS = """
			id, label, owner_kind, body_id, jurisdiction, permissions, rate_limit_per_minute, created_at, created_by,
			expires_at, revoked_at, revoked_by, last_used_at, last_used_from""";

	private final JdbcClient jdbc;

	ApiKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A key with its secret hash, for authentication. */
	record Stored(ApiKey key, byte[] secretSha256) {
	}

	Optional<Stored> forAuthentication(String id) {
		return jdbc.sql("select " + COLUMNS + ", secret_sha256 from api_key where id = ?")
			.param(id)
			.query((rs, n) -> new Stored(map(rs), rs.getBytes("secret_sha256")))
			.optional();
	}

	Optional<ApiKey> byId(String id) {
		return jdbc.sql("select " + COLUMNS + " from api_key where id = ?").param(id).query((rs, n) -> map(rs)).optional();
	}

	List<ApiKey> ofBody(long bodyId) {
		return jdbc.sql("select " + COLUMNS + " from api_key where body_id = ? order by created_at desc, id")
			.param(bodyId)
			.query((rs, n) -> map(rs))
			.list();
	}

	List<ApiKey> partners(String jurisdictionOrNull) {
		String where = jurisdictionOrNull == null ? "" : " and jurisdiction = ?";
		var statement = jdbc.sql("select " + COLUMNS + " from api_key where owner_kind = 'PARTNER'" + where
				+ " order by created_at desc, id limit 1000");
		return (jurisdictionOrNull == null ? statement : statement.param(jurisdictionOrNull)).query((rs, n) -> map(rs))
			.list();
	}

	void insert(ApiKey key, byte[] secretSha256) {
		jdbc.sql("""
				insert into api_key (id, secret_sha256, label, owner_kind, body_id, jurisdiction, permissions,
				    rate_limit_per_minute, created_at, created_by, expires_at)
				values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?)""")
			.params(key.id(), secretSha256, key.label(), key.ownerKind().name(), key.bodyId(), key.jurisdiction(),
					"{" + String.join(",", key.permissions().stream().map(Enum::name).sorted().toList()) + "}",
					key.rateLimitPerMinute(), utc(key.createdAt()), key.createdBy(), utc(key.expiresAt()))
			.update();
	}

	/** Revokes an active key; false when it was already revoked. */
	boolean revoke(String id, Instant now, String by) {
		return jdbc.sql("update api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
			.params(utc(now), by, id)
			.update() == 1;
	}

	void touch(String id, Instant now, String from) {
		jdbc.sql("update api_key set last_used_at = ?, last_used_from = ? where id = ?")
			.params(utc(now), from, id)
			.update();
	}

	private static ApiKey map(ResultSet rs) throws SQLException {
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		Arrays.stream((String[]) rs.getArray("permissions").getArray())
			.map(Permission::valueOf)
			.forEach(permissions::add);
		long body = rs.getLong("body_id");
		Long bodyId = rs.wasNull() ? null : body;
		int limit = rs.getInt("rate_limit_per_minute");
		Integer rateLimit = rs.wasNull() ? null : limit;
		return new ApiKey(rs.getString("id"), rs.getString("label"), ApiKey.OwnerKind.valueOf(rs.getString("owner_kind")),
				bodyId, rs.getString("jurisdiction"), permissions, rateLimit, instant(rs, "created_at"),
				rs.getString("created_by"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
				rs.getString("revoked_by"), instant(rs, "last_used_at"), rs.getString("last_used_from"));
	}
}
