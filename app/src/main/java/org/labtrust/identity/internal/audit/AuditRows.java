package org.labtrust.identity.internal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.labtrust.shared.SqlTime;

/** Reading audit rows back, for the verifier and for search. */
final class AuditRows {

	static final String COLUMNS = """
			seq, occurred_at, actor_kind, actor_id, actor_name, actor_roles, actor_jurisdiction, actor_body_id,
			action, outcome, target_type, target_id, target_authority, detail, request_id, client_address,
			prev_hash, hash""";

	private AuditRows() {
	}

	/** A row of audit_pending: no sequence number or hashes yet. */
	static AuditRow mapUnsequenced(ResultSet rs) throws SQLException {
		long body = rs.getLong("actor_body_id");
		Long actorBodyId = rs.wasNull() ? null : body;
		return new AuditRow(0, SqlTime.instant(rs, "occurred_at"),
				rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("actor_name"),
				rs.getString("actor_roles"), rs.getString("actor_jurisdiction"), actorBodyId, rs.getString("action"),
				rs.getString("outcome"), rs.getString("target_type"), rs.getString("target_id"),
				rs.getString("target_authority"), rs.getString("detail"), rs.getString("request_id"),
				rs.getString("client_address"), null, null);
	}

	static AuditRow map(ResultSet rs) throws SQLException {
		long body = rs.getLong("actor_body_id");
		Long actorBodyId = rs.wasNull() ? null : body;
		return new AuditRow(rs.getLong("seq"), SqlTime.instant(rs, "occurred_at"),
				rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("actor_name"),
				rs.getString("actor_roles"), rs.getString("actor_jurisdiction"), actorBodyId,
				rs.getString("action"), rs.getString("outcome"), rs.getString("target_type"), rs.getString("target_id"),
				rs.getString("target_authority"), rs.getString("detail"), rs.getString("request_id"),
				rs.getString("client_address"), rs.getBytes("prev_hash"), rs.getBytes("hash"));
	}
}
