package org.labtrust.reports.internal.log;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 §2.1 hashing with SHA-256. Not thread-safe: one instance per thread. */
public final class TreeHash {

	public static final int SIZE = 32;

	private final MessageDigest sha256;

	public TreeHash() {
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public byte[] leaf(byte[] entry) {
		sha256.update((byte) 0);
		return sha256.digest(entry);
	}

	public byte[] node(byte[] left, byte[] right) {
		sha256.update((byte) 1);
		sha256.update(left);
		return sha256.digest(right);
	}

	/** Node over two hashes stored next to each other in {@code hashes}. */
	public byte[] node(byte[] hashes, int leftOffset, int rightOffset) {
		sha256.update((byte) 1);
		sha256.update(hashes, leftOffset, SIZE);
		sha256.update(hashes, rightOffset, SIZE);
		return sha256.digest();
	}

	public byte[] empty() {
		return sha256.digest(new byte[0]);
	}

	/** Merkle tree hash of {@code count} (a power of two) consecutive hashes from {@code offset}. */
	public byte[] perfect(byte[] hashes, int offset, int count) {
		if (count == 1) {
			byte[] single = new byte[SIZE];
			System.arraycopy(hashes, offset * SIZE, single, 0, SIZE);
			return single;
		}
		byte[] level = new byte[count / 2 * SIZE];
		for (int i = 0; i < count / 2; i++) {
			System.arraycopy(node(hashes, (offset + 2 * i) * SIZE, (offset + 2 * i + 1) * SIZE), 0, level, i * SIZE, SIZE);
		}
		return perfect(level, 0, count / 2);
	}
}
