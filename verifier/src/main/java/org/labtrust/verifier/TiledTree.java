package org.labtrust.verifier;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Merkle tree of a log of {@code size} entries, read from its C2SP tlog-tiles hash tiles.
 * Computes root hashes, RFC 6962 inclusion proofs ({@code PATH}) and consistency proofs
 * ({@code PROOF}) for any tree size up to {@code size}, reading only the tiles a tree of
 * {@code size} entries has (full tiles, and partial tiles of exactly the width for
 * {@code size}), each at most once.
 *
 * <p>Not thread-safe. Nothing read is trusted: compare what it computes with a signed
 * checkpoint, or verify its proofs with {@link InclusionProof} and {@link ConsistencyProof}.
 */
public final class TiledTree {

    /** Tree levels covered by one tile: a tile holds 2^8 = 256 hashes. */
    private static final int TILE_HEIGHT = 8;

    private final TileSource source;
    private final long size;
    private final Map<TilePath, byte[]> tiles = new HashMap<>();

    public TiledTree(TileSource source, long size) {
        this.source = Objects.requireNonNull(source, "source");
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        this.size = size;
    }

    public long size() {
        return size;
    }

    /** The root hash of the tree of {@link #size()} entries. */
    public byte[] rootHash() throws IOException {
        return rootHash(size);
    }

    /** MTH of the first {@code treeSize} entries, {@code 0 <= treeSize <= size()}. */
    public byte[] rootHash(long treeSize) throws IOException {
        checkRange(treeSize, 0, size, "treeSize");
        return treeSize == 0 ? MerkleHash.emptyRoot() : subtreeHash(0, treeSize);
    }

    /** The leaf hash of entry {@code index}, as the level-0 tile holds it. */
    public byte[] leafHash(long index) throws IOException {
        checkRange(index, 0, size - 1, "index");
        return nodeHash(0, index);
    }

    /** {@code PATH(index, D[0:treeSize])}, leaf to root, for {@code index < treeSize <= size()}. */
    public List<byte[]> inclusionProof(long index, long treeSize) throws IOException {
        checkRange(treeSize, 1, size, "treeSize");
        checkRange(index, 0, treeSize - 1, "index");
        List<byte[]> path = new ArrayList<>();
        path(index, 0, treeSize, path);
        return Collections.unmodifiableList(path);
    }

    /**
     * {@code PROOF(size1, D[0:size2])} for {@code 0 < size1 <= size2 <= size()}; empty when
     * the sizes are equal.
     */
    public List<byte[]> consistencyProof(long size1, long size2) throws IOException {
        checkRange(size2, 1, size, "size2");
        checkRange(size1, 1, size2, "size1");
        List<byte[]> proof = new ArrayList<>();
        subproof(size1, 0, size2, true, proof);
        return Collections.unmodifiableList(proof);
    }

    // The recursions of RFC 6962 §2.1.1 and §2.1.2, as in MerkleTree, over tile hashes.
    private void path(long m, long start, long end, List<byte[]> out) throws IOException {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = MerkleHash.splitPoint(n);
        if (m < k) {
            path(m, start, start + k, out);
            out.add(subtreeHash(start + k, end));
        } else {
            path(m - k, start + k, end, out);
            out.add(subtreeHash(start, start + k));
        }
    }

    private void subproof(long m, long start, long end, boolean complete, List<byte[]> out) throws IOException {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                out.add(subtreeHash(start, end));
            }
            return;
        }
        long k = MerkleHash.splitPoint(n);
        if (m <= k) {
            subproof(m, start, start + k, complete, out);
            out.add(subtreeHash(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(subtreeHash(start, start + k));
        }
    }

    /**
     * MTH(D[start:end]) for a range the RFC recursions produce: {@code start} is a multiple of
     * the smallest power of two not below {@code end - start}, so the left part of every split
     * is a complete, aligned subtree.
     */
    byte[] subtreeHash(long start, long end) throws IOException {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int height = Long.numberOfTrailingZeros(n);
            return nodeHash(height, start >>> height);
        }
        long k = MerkleHash.splitPoint(n);
        return MerkleHash.nodeHash(subtreeHash(start, start + k), subtreeHash(start + k, end));
    }

    /**
     * The hash of the complete subtree of height {@code height} at position {@code index} on its
     * level. A tile at tile level L holds the nodes of tree level 8L; nodes between tile levels
     * are rebuilt by hashing up to 128 consecutive hashes of one tile.
     */
    private byte[] nodeHash(int height, long index) throws IOException {
        int tileLevel = height / TILE_HEIGHT;
        int above = height % TILE_HEIGHT;
        long first = index << above; // first node of tree level 8 * tileLevel under this node
        long tileIndex = first >>> TILE_HEIGHT;
        int offset = (int) (first & (TilePath.FULL_WIDTH - 1));
        byte[] tile = tile(tileLevel, tileIndex);
        List<byte[]> hashes = new ArrayList<>(1 << above);
        for (int i = 0; i < 1 << above; i++) {
            int at = (offset + i) * MerkleHash.HASH_SIZE;
            hashes.add(Arrays.copyOfRange(tile, at, at + MerkleHash.HASH_SIZE));
        }
        return MerkleHash.rootOfLeafHashes(hashes);
    }

    private byte[] tile(int level, long index) throws IOException {
        TilePath path = TilePath.hashTile(level, index, TilePath.width(level, index, size));
        byte[] tile = tiles.get(path);
        if (tile == null) {
            tile = source.read(path);
            if (tile.length != path.width() * MerkleHash.HASH_SIZE) {
                throw new IOException(path + " is " + tile.length + " bytes, not "
                        + path.width() * MerkleHash.HASH_SIZE);
            }
            tiles.put(path, tile);
        }
        return tile;
    }

    private static void checkRange(long value, long min, long max, String name) {
        if (value < min || value > max) {
            throw new IndexOutOfBoundsException(name + " " + value + " not in [" + min + ", " + max + "]");
        }
    }
}
