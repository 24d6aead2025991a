package org.labtrust.identity.internal.audit;

import java.security.MessageDigest;
import java.util.HexFormat;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the audit chain from the first row and reports the first break: a missing or inserted
 * sequence number, a row whose stored previous hash is not its predecessor's hash, a row whose
 * fields no longer hash to its stored hash, or a head that does not match the last row. Given a
 * head seen earlier (kept by an auditor), it also checks that that head is still in the chain, which
 * catches a rewrite of the tail together with the head.
 */
@Component
public class AuditVerifier {

	private static final HexFormat HEX = HexFormat.of();

	private final JdbcClient jdbc;

	private final TransactionTemplate readOnly;

	private final JdbcAuditTrail trail;

	AuditVerifier(JdbcClient jdbc, JdbcAuditTrail trail, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** Where the chain broke; seq is the first row that fails. */
	public record Break(long seq, String reason) {
	}

	/**
	 * @param intact true when every check passed
	 * @param rows rows walked
	 * @param headSeq sequence number of the head
	 * @param headHash hash of the head, hex: keep it to check later that history was not rewritten
	 * @param firstBreak the first failure, or null
	 */
	public record Result(boolean intact, long rows, long headSeq, String headHash, Break firstBreak) {
	}

	/** A head an auditor saw earlier; both null to skip that check. */
	public Result verify(Long knownSeq, String knownHashHex) {
		trail.flush();
		return readOnly.execute(status -> walk(knownSeq, knownHashHex));
	}

	private Result walk(Long knownSeq, String knownHashHex) {
		Walk walk = new Walk();
		jdbc.sql("select " + AuditRows.COLUMNS + " from audit_entry order by seq")
			.withFetchSize(2000)
			.query(rs -> {
				if (walk.failure == null) {
					walk.check(AuditRows.map(rs), knownSeq, knownHashHex);
				}
			});
		long headSeq = jdbc.sql("select seq from audit_head").query(Long.class).single();
		byte[] headHash = jdbc.sql("select hash from audit_head").query(byte[].class).single();
		Break failure = walk.failure;
		if (failure == null && (headSeq != walk.lastSeq || !MessageDigest.isEqual(headHash, walk.prev))) {
			failure = new Break(Math.min(headSeq, walk.lastSeq) + 1,
					"the chain head (seq " + headSeq + ") does not match the last row (seq " + walk.lastSeq + ")");
		}
		if (failure == null && knownSeq != null && knownSeq > walk.lastSeq) {
			failure = new Break(walk.lastSeq + 1, "the known head seq " + knownSeq + " is beyond the end of the chain");
		}
		return new Result(failure == null, walk.rows, headSeq, HEX.formatHex(headHash), failure);
	}

	private static final class Walk {

		long rows;

		long lastSeq;

		byte[] prev = new byte[AuditChain.HASH_BYTES];

		Break failure;

		void check(AuditRow row, Long knownSeq, String knownHashHex) {
			rows++;
			long expected = lastSeq + 1;
			if (row.seq() != expected) {
				failure = new Break(expected, row.seq() > expected ? "rows " + expected + " to " + (row.seq() - 1)
						+ " are missing" : "row " + row.seq() + " is out of sequence");
				return;
			}
			if (!MessageDigest.isEqual(row.prevHash(), prev)) {
				failure = new Break(row.seq(), "its previous hash is not the hash of row " + lastSeq);
				return;
			}
			byte[] hash = AuditChain.hash(prev, row);
			if (!MessageDigest.isEqual(hash, row.hash())) {
				failure = new Break(row.seq(), "its content does not match its hash (the row was changed)");
				return;
			}
			if (knownSeq != null && knownSeq == row.seq() && knownHashHex != null
					&& !HEX.formatHex(hash).equalsIgnoreCase(knownHashHex)) {
				failure = new Break(row.seq(), "its hash differs from the head seen earlier (history was rewritten)");
				return;
			}
			lastSeq = row.seq();
			prev = hash;
		}
	}
}
