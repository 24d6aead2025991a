package org.labtrust.identity.internal.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.labtrust.identity.internal.security.ClientRequest;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in PostgreSQL. Entries recorded inside a transaction are appended just before
 * it commits, so the lock on the chain head (which serializes appends) is held only for the
 * commit, and an entry exists exactly when the change it describes does.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Object PENDING_KEY = new Object();

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	JdbcAuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public void record(Entry entry) {
		AuditRow row = unsequenced(Actors.current(), entry, "SUCCESS");
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			ownTransaction.executeWithoutResult(status -> append(List.of(row)));
			return;
		}
		@SuppressWarnings("unchecked")
		List<AuditRow> pending = (List<AuditRow>) TransactionSynchronizationManager.getResource(PENDING_KEY);
		if (pending == null) {
			List<AuditRow> rows = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(PENDING_KEY, rows);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					append(rows);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_KEY);
				}
			});
			pending = rows;
		}
		pending.add(row);
	}

	@Override
	public void recordAttempt(Actor actor, Entry entry, String outcome) {
		AuditRow row = unsequenced(actor, entry, outcome);
		ownTransaction.executeWithoutResult(status -> append(List.of(row)));
	}

	private AuditRow unsequenced(Actor actor, Entry entry, String outcome) {
		String roles = actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
		return new AuditRow(0, AuditChain.truncate(clock.instant()), actor.kind().name(), actor.id(), actor.name(),
				roles, actor.jurisdiction() == null ? null : actor.jurisdiction().authorityCode(), actor.bodyId(),
				entry.action(), outcome, entry.targetType(), entry.targetId(), entry.targetAuthority(),
				canonicalJson(entry.detail()), ClientRequest.requestId(), ClientRequest.clientAddress(), null, null);
	}

	static String canonicalJson(Map<String, String> detail) {
		return JSON.writeValueAsString(new TreeMap<>(detail));
	}

	/** Sequences, hashes and inserts rows under the chain-head lock of the current transaction. */
	private void append(List<AuditRow> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Head head = jdbc.sql("select seq, hash from audit_head where singleton for update")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
			.single();
		long seq = head.seq();
		byte[] prev = head.hash();
		for (AuditRow pending : rows) {
			seq++;
			AuditRow row = withChain(pending, seq, prev, null);
			byte[] hash = AuditChain.hash(prev, row);
			insert(withChain(row, seq, prev, hash));
			prev = hash;
		}
		jdbc.sql("update audit_head set seq = ?, hash = ? where singleton").params(seq, prev).update();
	}

	private static AuditRow withChain(AuditRow r, long seq, byte[] prev, byte[] hash) {
		return new AuditRow(seq, r.occurredAt(), r.actorKind(), r.actorId(), r.actorName(), r.actorRoles(),
				r.actorJurisdiction(), r.actorBodyId(), r.action(), r.outcome(), r.targetType(), r.targetId(),
				r.targetAuthority(), r.detail(), r.requestId(), r.clientAddress(), prev, hash);
	}

	private void insert(AuditRow r) {
		jdbc.sql("""
				insert into audit_entry (seq, occurred_at, actor_kind, actor_id, actor_name, actor_roles,
				    actor_jurisdiction, actor_body_id, action, outcome, target_type, target_id, target_authority,
				    detail, request_id, client_address, prev_hash, hash)
				values (:seq, :occurredAt, :actorKind, :actorId, :actorName, :actorRoles, :actorJurisdiction,
				    :actorBodyId, :action, :outcome, :targetType, :targetId, :targetAuthority, :detail, :requestId,
				    :clientAddress, :prevHash, :hash)""")
			.param("seq", r.seq())
			.param("occurredAt", java.time.OffsetDateTime.ofInstant(r.occurredAt(), java.time.ZoneOffset.UTC))
			.param("actorKind", r.actorKind())
			.param("actorId", r.actorId())
			.param("actorName", r.actorName())
			.param("actorRoles", r.actorRoles())
			.param("actorJurisdiction", r.actorJurisdiction())
			.param("actorBodyId", r.actorBodyId())
			.param("action", r.action())
			.param("outcome", r.outcome())
			.param("targetType", r.targetType())
			.param("targetId", r.targetId())
			.param("targetAuthority", r.targetAuthority())
			.param("detail", r.detail())
			.param("requestId", r.requestId())
			.param("clientAddress", r.clientAddress())
			.param("prevHash", r.prevHash())
			.param("hash", r.hash())
			.update();
	}

	private record Head(long seq, byte[] hash) {
	}
}
