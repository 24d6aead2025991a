package org.labtrust.identity.internal.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.labtrust.shared.access.Jurisdiction;
import org.labtrust.shared.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static org.labtrust.shared.SqlTime.instant;
import static org.labtrust.shared.SqlTime.utc;

/** Accounts in PostgreSQL. */
@Repository
public class AccountStore {

	private static final String COLUMNS = """
			id, username, display_name, password_hash, roles, jurisdiction, body_id, enabled, failed_logins,
			locked_until, last_login_at, created_at""";

	private final JdbcClient jdbc;

	AccountStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Account> byUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from account where username = ?")
			.param(username.toLowerCase())
			.query((rs, n) -> map(rs))
			.optional();
	}

	public Optional<Account> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id).query((rs, n) -> map(rs)).optional();
	}

	public Optional<Account> byOidcSubject(String issuer, String subject) {
		return jdbc.sql("select " + COLUMNS + " from account where oidc_issuer = ? and oidc_subject = ?")
			.params(issuer, subject)
			.query((rs, n) -> map(rs))
			.optional();
	}

	public List<Account> list(String jurisdictionOrNull, Long bodyIdOrNull, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from account where true");
		List<Object> params = new java.util.ArrayList<>();
		if (jurisdictionOrNull != null) {
			sql.append(" and jurisdiction = ?");
			params.add(jurisdictionOrNull);
		}
		if (bodyIdOrNull != null) {
			sql.append(" and body_id = ?");
			params.add(bodyIdOrNull);
		}
		sql.append(" order by id limit ").append(limit);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
	}

	public boolean anyWithRole(Role role) {
		return jdbc.sql("select exists (select 1 from account where ? = any (roles) and enabled)")
			.param(role.name())
			.query(Boolean.class)
			.single();
	}

	public long insert(NewAccount account, Instant now, String createdBy) {
		return jdbc.sql("""
				insert into account (username, display_name, password_hash, roles, jurisdiction, body_id,
				    oidc_issuer, oidc_subject, created_at, created_by)
				values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?) returning id""")
			.params(account.username().toLowerCase(), account.displayName(), account.passwordHash(),
					roleArray(account.roles()),
					account.jurisdiction() == null ? null : account.jurisdiction().authorityCode(), account.bodyId(),
					account.oidcIssuer(), account.oidcSubject(), utc(now), createdBy)
			.query(Long.class)
			.single();
	}

	/**
	 * Counts a failed password. From the threshold on, each failure locks the account for the base
	 * duration doubled per further failure, up to the maximum. Returns the lock end, or null.
	 */
	public Instant recordFailure(long id, Instant now, Lockout lockout) {
		List<OffsetDateTime> until = jdbc.sql("""
				update account set failed_logins = failed_logins + 1,
				    locked_until = case when failed_logins + 1 >= :threshold
				        then :now + make_interval(secs => least(:baseSeconds * power(2, failed_logins + 1 - :threshold),
				                                                :maxSeconds))
				        else locked_until end
				where id = :id returning locked_until""")
			.param("threshold", lockout.threshold())
			.param("now", utc(now))
			.param("baseSeconds", (double) lockout.base().toSeconds())
			.param("maxSeconds", (double) lockout.max().toSeconds())
			.param("id", id)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.list();
		return until.isEmpty() || until.get(0) == null ? null : until.get(0).toInstant();
	}

	/** Lockout policy: lock after {@code threshold} consecutive failures, for base × 2^(n - threshold) up to max. */
	public record Lockout(int threshold, java.time.Duration base, java.time.Duration max) {
	}

	public void recordSuccess(long id, Instant now) {
		jdbc.sql("update account set failed_logins = 0, locked_until = null, last_login_at = ? where id = ?")
			.params(utc(now), id)
			.update();
	}

	public void setPasswordHash(long id, String passwordHash) {
		jdbc.sql("update account set password_hash = ? where id = ?").params(passwordHash, id).update();
	}

	public void unlock(long id) {
		jdbc.sql("update account set failed_logins = 0, locked_until = null where id = ?").param(id).update();
	}

	public void setEnabled(long id, boolean enabled) {
		jdbc.sql("update account set enabled = ? where id = ?").params(enabled, id).update();
	}

	public void updateRolesAndJurisdiction(long id, Set<Role> roles, Jurisdiction jurisdiction, String displayName) {
		jdbc.sql("update account set roles = ?::text[], jurisdiction = ?, display_name = ? where id = ?")
			.params(roleArray(roles), jurisdiction == null ? null : jurisdiction.authorityCode(), displayName, id)
			.update();
	}

	/** A new account; passwordHash null for OIDC accounts, oidc fields null for password accounts. */
	public record NewAccount(String username, String displayName, String passwordHash, Set<Role> roles,
			Jurisdiction jurisdiction, Long bodyId, String oidcIssuer, String oidcSubject) {
	}

	private static String roleArray(Set<Role> roles) {
		return "{" + String.join(",", roles.stream().map(Enum::name).sorted().toList()) + "}";
	}

	private static Account map(ResultSet rs) throws SQLException {
		Array array = rs.getArray("roles");
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
		String jurisdiction = rs.getString("jurisdiction");
		long body = rs.getLong("body_id");
		Long bodyId = rs.wasNull() ? null : body;
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), roles, jurisdiction == null ? null : new Jurisdiction(jurisdiction),
				bodyId, rs.getBoolean("enabled"), rs.getInt("failed_logins"), instant(rs, "locked_until"),
				instant(rs, "last_login_at"), instant(rs, "created_at"));
	}
}
