package org.labtrust.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.labtrust.IntegrationTest;
import org.labtrust.identity.internal.audit.AuditVerifier;
import org.labtrust.identity.internal.audit.JdbcAuditTrail;
import org.labtrust.shared.access.Actor;
import org.labtrust.shared.access.Actors;
import org.labtrust.shared.access.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The audit trail is append-only in the database and its hash chain finds any row changed,
 * removed or rewritten behind the application's back (by someone who disabled the trigger).
 */
class AuditTrailTest extends IntegrationTest {

	@Autowired
	JdbcAuditTrail audit;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void concurrentWritersKeepOneGaplessIntactChain() throws Exception {
		long before = jdbc.sql("select seq from audit_head").query(Long.class).single();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			int n = i;
			done.add(pool.submit(() -> Actors.callAs(Actor.SYSTEM, () -> transactions.execute(status -> {
				audit.record(new AuditTrail.Entry("test.concurrent", "test", Integer.toString(n), "19",
						Map.of("n", Integer.toString(n))));
				return null;
			}))));
		}
		for (Future<?> f : done) {
			f.get();
		}
		pool.shutdown();
		audit.flush();
		assertThat(jdbc.sql("select seq from audit_head").query(Long.class).single()).isEqualTo(before + 200);
		AuditVerifier.Result result = verifier.verify(null, null);
		assertThat(result.intact()).as(String.valueOf(result.firstBreak())).isTrue();
		assertThat(result.rows()).isEqualTo(result.headSeq());
	}

	@Test
	void entriesAreChainedWithinMomentsWithoutBeingAskedFor() {
		long before = jdbc.sql("select seq from audit_head").query(Long.class).single();
		Actors.callAs(Actor.SYSTEM, () -> transactions.execute(status -> {
			audit.record(AuditTrail.Entry.of("test.background", "test", "in a transaction"));
			return null;
		}));
		audit.recordAttempt(Actor.SYSTEM, AuditTrail.Entry.of("test.background", "test", "outside"), "FAILED");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from audit_entry where action = 'test.background' and seq > ?").param(before)
			.query(Long.class).single()).isEqualTo(2));
		assertThat(jdbc.sql("select count(*) from audit_pending").query(Long.class).single()).isZero();
	}

	@Test
	void aRolledBackChangeLeavesNoEntry() {
		long before = jdbc.sql("select seq from audit_head").query(Long.class).single();
		assertThatThrownBy(() -> transactions.execute(status -> {
			audit.record(AuditTrail.Entry.of("test.rollback", "test", "x"));
			throw new IllegalStateException("the change failed");
		})).hasMessage("the change failed");
		audit.flush();
		assertThat(jdbc.sql("select seq from audit_head").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'test.rollback'").query(Long.class).single())
			.isZero();
	}

	@Test
	void theDatabaseRefusesUpdatesAndDeletes() {
		long seq = anyRow();
		assertThatThrownBy(() -> jdbc.sql("update audit_entry set outcome = 'X' where seq = ?").param(seq).update())
			.rootCause().hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = ?").param(seq).update())
			.rootCause().hasMessageContaining("append-only");
	}

	@Test
	void aRowChangedBehindTheTriggersBackBreaksTheChainThere() {
		long seq = anyRow();
		String detail = jdbc.sql("select detail from audit_entry where seq = ?").param(seq).query(String.class).single();
		AuditVerifier.Result intact = verifier.verify(null, null);
		assertThat(intact.intact()).isTrue();
		try {
			tamper("update audit_entry set detail = '{\"reason\":\"edited\"}' where seq = " + seq);
			AuditVerifier.Result broken = verifier.verify(null, null);
			assertThat(broken.intact()).isFalse();
			assertThat(broken.firstBreak().seq()).isEqualTo(seq);
			assertThat(broken.firstBreak().reason()).contains("changed");
		}
		finally {
			tamper("update audit_entry set detail = '" + detail.replace("'", "''") + "' where seq = " + seq);
		}
		assertThat(verifier.verify(null, null).intact()).isTrue();
	}

	@Test
	void aDeletedRowAndARewrittenHistoryAreFound() {
		long seq = anyRow();
		anyRow(); // so that the deleted row is not the last
		AuditVerifier.Result seen = verifier.verify(null, null);
		Map<String, Object> row = jdbc.sql("select * from audit_entry where seq = ?").param(seq).query().singleRow();
		try {
			tamper("delete from audit_entry where seq = " + seq);
			AuditVerifier.Result broken = verifier.verify(null, null);
			assertThat(broken.intact()).isFalse();
			assertThat(broken.firstBreak().seq()).isEqualTo(seq);
			assertThat(broken.firstBreak().reason()).contains("missing");
		}
		finally {
			tamper(null, row);
		}
		assertThat(verifier.verify(seen.headSeq(), seen.headHash()).intact()).isTrue();
		String forged = "00".repeat(32);
		AuditVerifier.Result rewritten = verifier.verify(seen.headSeq(), forged);
		assertThat(rewritten.intact()).as("a head kept by an auditor that the chain no longer contains").isFalse();
		assertThat(rewritten.firstBreak().reason()).contains("rewritten");
	}

	private long anyRow() {
		Actors.callAs(Actor.SYSTEM, () -> {
			audit.record(new AuditTrail.Entry("test.row", "test", "t", null, Map.of("reason", "it's a test")));
			return null;
		});
		audit.flush();
		return jdbc.sql("select max(seq) from audit_entry where action = 'test.row'").query(Long.class).single();
	}

	private void tamper(String sql) {
		tamper(sql, null);
	}

	/** As an insider with the table owner's rights: trigger off, change, trigger on. */
	private void tamper(String sql, Map<String, Object> reinsert) {
		transactions.execute(status -> {
			jdbc.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
			if (sql != null) {
				jdbc.sql(sql).update();
			}
			if (reinsert != null) {
				var statement = jdbc.sql("insert into audit_entry (" + String.join(",", reinsert.keySet()) + ") values ("
						+ String.join(",", reinsert.keySet().stream().map(k -> ":" + k).toList()) + ")");
				for (var e : reinsert.entrySet()) {
					statement = statement.param(e.getKey(), e.getValue());
				}
				statement.update();
			}
			jdbc.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
			return null;
		});
	}
}
