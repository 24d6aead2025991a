package org.labtrust.identity.internal.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The hash that links audit rows: SHA-256 over the previous row's hash followed by every field of
 * the row in a fixed order, each as a 4-byte big-endian length (-1 for null) and its UTF-8 bytes.
 * Numbers are written in decimal, the time as microseconds since the epoch (PostgreSQL's
 * precision). docs/audit-trail.md specifies the same, so that an auditor can recompute it.
 */
public final class AuditChain {

	public static final int HASH_BYTES = 32;

	private AuditChain() {
	}

	/** Times are kept to the microsecond so that what is hashed is what PostgreSQL stores. */
	public static Instant truncate(Instant time) {
		return time.truncatedTo(ChronoUnit.MICROS);
	}

	public static byte[] hash(byte[] prevHash, AuditRow row) {
		MessageDigest sha = sha256();
		sha.update(prevHash);
		field(sha, Long.toString(row.seq()));
		field(sha, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, row.occurredAt())));
		field(sha, row.actorKind());
		field(sha, row.actorId());
		field(sha, row.actorName());
		field(sha, row.actorRoles());
		field(sha, row.actorJurisdiction());
		field(sha, row.actorBodyId() == null ? null : Long.toString(row.actorBodyId()));
		field(sha, row.action());
		field(sha, row.outcome());
		field(sha, row.targetType());
		field(sha, row.targetId());
		field(sha, row.targetAuthority());
		field(sha, row.detail());
		field(sha, row.requestId());
		field(sha, row.clientAddress());
		return sha.digest();
	}

	private static void field(MessageDigest sha, String value) {
		if (value == null) {
			sha.update(ByteBuffer.allocate(4).putInt(-1).array());
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
		sha.update(bytes);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
