package org.labtrust.verifier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Merkle Tree Hash of RFC 6962 §2.1 (unchanged in RFC 9162 §2.1.1), with SHA-256.
 *
 * <ul>
 *   <li>{@code MTH({}) = SHA-256()}</li>
 *   <li>{@code MTH({d(0)}) = SHA-256(0x00 || d(0))}</li>
 *   <li>{@code MTH(D[n]) = SHA-256(0x01 || MTH(D[0:k]) || MTH(D[k:n]))}, where {@code k} is the
 *       largest power of two smaller than {@code n}</li>
 * </ul>
 *
 * <p>The distinct 0x00 and 0x01 prefixes keep a leaf from ever being mistaken for an interior
 * node (second-preimage resistance, RFC 6962 §2.1).
 */
public final class MerkleHash {

    /** Length in bytes of every hash in the tree (SHA-256). */
    public static final int HASH_SIZE = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {
    }

    /** {@code SHA-256(0x00 || entry)}: the hash of one log entry. */
    public static byte[] leafHash(byte[] entry) {
        Objects.requireNonNull(entry, "entry");
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(entry);
        return sha.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}: the hash of an interior node. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** {@code SHA-256("")}: the root of the empty tree. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The Merkle Tree Hash of the given entries (raw log entries, not leaf hashes). */
    public static byte[] rootOf(List<byte[]> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty()) {
            return emptyRoot();
        }
        List<byte[]> leaves = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            leaves.add(leafHash(entry));
        }
        return rootOfLeafHashes(leaves);
    }

    /** MTH over leaf hashes that are already computed; {@code leaves} must not be empty. */
    static byte[] rootOfLeafHashes(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 1) {
            return leaves.get(0);
        }
        int k = (int) splitPoint(n);
        return nodeHash(rootOfLeafHashes(leaves.subList(0, k)), rootOfLeafHashes(leaves.subList(k, n)));
    }

    /** The largest power of two strictly smaller than {@code n}; {@code n} must be at least 2. */
    static long splitPoint(long n) {
        if (n < 2) {
            throw new IllegalArgumentException("no split point for n = " + n);
        }
        return Long.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform is required to provide SHA-256.
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
