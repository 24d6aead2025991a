package org.labtrust.identity.internal.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.labtrust.identity.internal.security.ClientRequest;
import org.labtrust.shared.SqlTime;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail in PostgreSQL, in two steps so that auditing costs a request almost nothing:
 * <ol>
 * <li>recording: an entry of a changing transaction is inserted into {@code audit_pending} in that
 * transaction (so it exists exactly when the change does, with no lock taken); an entry recorded
 * outside a transaction (a read, a sign-in attempt) waits in this node's memory;</li>
 * <li>chaining: every 50 ms, and before the trail is searched or verified, one transaction locks
 * the chain head, gives the waiting entries the next sequence numbers and hashes, inserts them
 * into the append-only {@code audit_entry} in one batch and removes them from
 * {@code audit_pending}.</li>
 * </ol>
 * Entries held in memory are lost if the process dies within those 50 ms (a clean shutdown writes
 * them); entries of changes never are.
 */
@Component
public class JdbcAuditTrail implements AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditTrail.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int BATCH = 5000;

	private static final String FIELDS = """
			occurred_at, actor_kind, actor_id, actor_name, actor_roles, actor_jurisdiction, actor_body_id, action,
			outcome, target_type, target_id, target_authority, detail, request_id, client_address""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final ConcurrentLinkedQueue<AuditRow> waiting = new ConcurrentLinkedQueue<>();

	private final ReentrantLock chaining = new ReentrantLock();

	JdbcAuditTrail(JdbcClient jdbc, JdbcTemplate batch, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public void record(Entry entry) {
		AuditRow row = unsequenced(Actors.current(), entry, "SUCCESS");
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			jdbc.sql("insert into audit_pending (" + FIELDS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(values(row))
				.update();
		}
		else {
			waiting.add(row);
		}
	}

	@Override
	public void recordAttempt(Actor actor, Entry entry, String outcome) {
		waiting.add(unsequenced(actor, entry, outcome));
	}

	/** Chains everything recorded so far (committed changes and this node's waiting entries). */
	public void flush() {
		chaining.lock();
		try {
			while (chainBatch() == BATCH) {
				// more to do
			}
		}
		finally {
			chaining.unlock();
		}
	}

	@Scheduled(fixedDelay = 50)
	void chainPeriodically() {
		if (!chaining.tryLock()) {
			return; // a flush is running
		}
		try {
			chainBatch();
		}
		catch (RuntimeException e) {
			log.warn("Chaining the audit trail failed; retrying", e);
		}
		finally {
			chaining.unlock();
		}
	}

	@PreDestroy
	void writeWaiting() {
		try {
			flush();
		}
		catch (RuntimeException e) {
			log.error("{} audit entries could not be written at shutdown", waiting.size(), e);
		}
	}

	/** One transaction: lock the head, chain up to BATCH entries. Answers how many were chained. */
	private int chainBatch() {
		List<AuditRow> fromMemory = new ArrayList<>();
		for (AuditRow row; fromMemory.size() < BATCH && (row = waiting.poll()) != null;) {
			fromMemory.add(row);
		}
		try {
			Integer chained = ownTransaction.execute(status -> chain(fromMemory));
			return chained == null ? 0 : chained;
		}
		catch (RuntimeException e) {
			waiting.addAll(fromMemory); // kept for the next attempt (order by time is restored there)
			throw e;
		}
	}

	private int chain(List<AuditRow> fromMemory) {
		Head head = jdbc.sql("select seq, hash from audit_head where singleton for update")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
			.single();
		List<Long> pendingIds = new ArrayList<>();
		List<AuditRow> rows = new ArrayList<>(fromMemory);
		jdbc.sql("select id, " + FIELDS + " from audit_pending order by id limit " + (BATCH - fromMemory.size()))
			.query(rs -> {
				pendingIds.add(rs.getLong("id"));
				rows.add(AuditRows.mapUnsequenced(rs));
			});
		if (rows.isEmpty()) {
			return 0;
		}
		rows.sort(Comparator.comparing(AuditRow::occurredAt));
		List<Object[]> inserts = new ArrayList<>(rows.size());
		long seq = head.seq();
		byte[] prev = head.hash();
		for (AuditRow pending : rows) {
			seq++;
			AuditRow row = withChain(pending, seq, prev, null);
			byte[] hash = AuditChain.hash(prev, row);
			Object[] values = values(row);
			Object[] all = new Object[values.length + 3];
			all[0] = seq;
			System.arraycopy(values, 0, all, 1, values.length);
			all[values.length + 1] = prev;
			all[values.length + 2] = hash;
			inserts.add(all);
			prev = hash;
		}
		batch.batchUpdate("insert into audit_entry (seq, " + FIELDS + ", prev_hash, hash) values "
				+ "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
		if (!pendingIds.isEmpty()) {
			jdbc.sql("delete from audit_pending where id = any(?)").param(pendingIds.toArray(Long[]::new)).update();
		}
		jdbc.sql("update audit_head set seq = ?, hash = ? where singleton").params(seq, prev).update();
		return rows.size();
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

	/** The values of {@link #FIELDS}, in order. */
	private static Object[] values(AuditRow r) {
		return new Object[] { SqlTime.utc(r.occurredAt()), r.actorKind(), r.actorId(),
				r.actorName(), r.actorRoles(), r.actorJurisdiction(), r.actorBodyId(), r.action(), r.outcome(),
				r.targetType(), r.targetId(), r.targetAuthority(), r.detail(), r.requestId(), r.clientAddress() };
	}

	private static AuditRow withChain(AuditRow r, long seq, byte[] prev, byte[] hash) {
		return new AuditRow(seq, r.occurredAt(), r.actorKind(), r.actorId(), r.actorName(), r.actorRoles(),
				r.actorJurisdiction(), r.actorBodyId(), r.action(), r.outcome(), r.targetType(), r.targetId(),
				r.targetAuthority(), r.detail(), r.requestId(), r.clientAddress(), prev, hash);
	}

	private record Head(long seq, byte[] hash) {
	}
}
