package org.labtrust.verifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An in-memory Merkle tree over a fixed list of leaves that produces the proofs of RFC 6962
 * §2.1.1 ({@code PATH}, inclusion) and §2.1.2 ({@code PROOF}, consistency) for any prefix of
 * the leaves. It lets an auditor recompute what the platform should have served, and lets tests
 * round-trip proofs through {@link InclusionProof} and {@link ConsistencyProof}.
 *
 * <p>Instances are immutable and thread-safe. Complete, aligned subtrees are hashed once at
 * construction, so each proof costs O(log n) hashes.
 */
public final class MerkleTree {

    /** levels.get(h).get(i) is the hash of the complete subtree over leaves [i*2^h, (i+1)*2^h). */
    private final List<List<byte[]>> levels;

    private MerkleTree(List<byte[]> leafHashes) {
        List<List<byte[]>> built = new ArrayList<>();
        List<byte[]> level = leafHashes;
        built.add(level);
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>(level.size() / 2);
            for (int i = 0; i + 1 < level.size(); i += 2) {
                up.add(MerkleHash.nodeHash(level.get(i), level.get(i + 1)));
            }
            built.add(Collections.unmodifiableList(up));
            level = up;
        }
        this.levels = Collections.unmodifiableList(built);
    }

    /** A tree over raw log entries; each is hashed with {@link MerkleHash#leafHash}. */
    public static MerkleTree ofEntries(List<byte[]> entries) {
        Objects.requireNonNull(entries, "entries");
        List<byte[]> leaves = new ArrayList<>(entries.size());
        for (byte[] entry : entries) {
            leaves.add(MerkleHash.leafHash(entry));
        }
        return new MerkleTree(Collections.unmodifiableList(leaves));
    }

    /** A tree over leaf hashes that are already computed, e.g. fetched from a log. */
    public static MerkleTree ofLeafHashes(List<byte[]> leafHashes) {
        Objects.requireNonNull(leafHashes, "leafHashes");
        List<byte[]> leaves = new ArrayList<>(leafHashes.size());
        for (byte[] h : leafHashes) {
            if (Objects.requireNonNull(h, "leaf hash").length != MerkleHash.HASH_SIZE) {
                throw new IllegalArgumentException("leaf hash must be " + MerkleHash.HASH_SIZE + " bytes");
            }
            leaves.add(h.clone());
        }
        return new MerkleTree(Collections.unmodifiableList(leaves));
    }

    /** Number of leaves. */
    public long size() {
        return levels.get(0).size();
    }

    /** The leaf hash at {@code index}. */
    public byte[] leafHash(long index) {
        checkRange(index, 0, size() - 1, "index");
        return levels.get(0).get((int) index).clone();
    }

    /** MTH of the first {@code treeSize} leaves; {@code treeSize} may be 0 (the empty root). */
    public byte[] rootHash(long treeSize) {
        checkRange(treeSize, 0, size(), "treeSize");
        return treeSize == 0 ? MerkleHash.emptyRoot() : subtreeHash(0, treeSize).clone();
    }

    /** {@code PATH(index, D[0:treeSize])}: the audit path for leaf {@code index}, leaf to root. */
    public List<byte[]> inclusionProof(long index, long treeSize) {
        checkRange(treeSize, 1, size(), "treeSize");
        checkRange(index, 0, treeSize - 1, "index");
        List<byte[]> path = new ArrayList<>();
        path(index, 0, treeSize, path);
        return Collections.unmodifiableList(path);
    }

    /**
     * {@code PROOF(size1, D[0:size2])}: the consistency proof between two prefixes of this tree.
     * Empty when {@code size1 == size2}. RFC 6962 defines no proof for {@code size1 == 0}.
     */
    public List<byte[]> consistencyProof(long size1, long size2) {
        checkRange(size2, 1, size(), "size2");
        checkRange(size1, 1, size2, "size1");
        List<byte[]> proof = new ArrayList<>();
        subproof(size1, 0, size2, true, proof);
        return Collections.unmodifiableList(proof);
    }

    // PATH(m, D[start:end]), appending to out; m is relative to start. RFC 6962 lists the
    // sibling of the deepest node first, so recurse before appending.
    private void path(long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleHash.splitPoint(n);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(subtreeHash(start + k, end).clone());
        } else {
            path(m - k, start + k, end, out);
            out.add(subtreeHash(start, start + k).clone());
        }
    }

    // SUBPROOF(m, D[start:end], complete); complete says D[start:start+m] is still the whole old
    // tree, whose root the verifier already has and so is left out.
    private void subproof(long m, long start, long end, boolean complete, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(subtreeHash(start, end).clone());
            }
            return;
        }
        long k = MerkleHash.splitPoint(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, out);
            out.add(subtreeHash(start + k, end).clone());
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(subtreeHash(start, start + k).clone());
        }
    }

    // MTH(D[start:end]) for a non-empty range. Returns internal arrays: callers must clone.
    private byte[] subtreeHash(long start, long end) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int height = Long.numberOfTrailingZeros(n);
            return levels.get(height).get((int) (start / n));
        }
        long k = MerkleHash.splitPoint(n);
        return MerkleHash.nodeHash(subtreeHash(start, start + k), subtreeHash(start + k, end));
    }

    private static void checkRange(long value, long min, long max, String name) {
        if (value < min || value > max) {
            throw new IndexOutOfBoundsException(name + " " + value + " not in [" + min + ", " + max + "]");
        }
    }
}
