package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** TiledTree against MerkleTree, on tiles built from the tlog-tiles definition. */
@DisplayName("TiledTree (roots and proofs from tlog-tiles)")
class TiledTreeTest {

    static Stream<Integer> sizes() {
        TreeSet<Integer> sizes = new TreeSet<>(List.of(1, 2, 3, 255, 256, 257, 511, 512, 513, 767, 768, 65_535,
                65_536, 65_537, 65_792, 70_000));
        Random random = new Random(RandomTrees.SEED);
        while (sizes.size() < 26) {
            sizes.add(1 + random.nextInt(70_000));
        }
        return sizes.stream();
    }

    /** A tile source over the tiles of one tree size that refuses any other tile and counts reads. */
    private static final class CountingTiles implements TileSource {
        private final Map<TilePath, byte[]> tiles;
        private final Map<TilePath, Integer> reads = new HashMap<>();

        CountingTiles(Map<TilePath, byte[]> tiles) {
            this.tiles = tiles;
        }

        @Override
        public byte[] read(TilePath tile) throws IOException {
            reads.merge(tile, 1, Integer::sum);
            byte[] bytes = tiles.get(tile);
            if (bytes == null) {
                throw new IOException("no such tile for this size: " + tile);
            }
            return bytes.clone();
        }
    }

    private static List<byte[]> randomLeaves(int n) {
        Random random = new Random(RandomTrees.SEED * 17 + n);
        List<byte[]> leaves = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] leaf = new byte[32];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        return leaves;
    }

    /** Indexes worth checking in a tree of n: both ends, tile edges, and seeded random ones. */
    private static TreeSet<Long> samples(long n, Random random) {
        TreeSet<Long> at = new TreeSet<>();
        for (long edge : new long[] {0, 1, 255, 256, 257, 65_535, 65_536, 65_537, n / 2, n - 2, n - 1}) {
            if (edge >= 0 && edge < n) {
                at.add(edge);
            }
        }
        while (at.size() < Math.min(n, 40)) {
            at.add((long) random.nextInt((int) n));
        }
        return at;
    }

    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes")
    @DisplayName("Roots, inclusion and consistency proofs equal MerkleTree's and verify")
    void agreesWithMerkleTree(int n) throws IOException {
        List<byte[]> leaves = randomLeaves(n);
        MerkleTree reference = MerkleTree.ofLeafHashes(leaves);
        CountingTiles tiles = new CountingTiles(Tiles.hashTiles(leaves));
        TiledTree tree = new TiledTree(tiles, n);
        byte[] root = reference.rootHash(n);
        Random random = new Random(n);

        assertArrayEquals(root, tree.rootHash());
        for (long i : samples(n, random)) {
            List<byte[]> proof = tree.inclusionProof(i, n);
            assertProofEquals(reference.inclusionProof(i, n), proof, "inclusion of " + i);
            assertTrue(InclusionProof.verify(i, n, leaves.get((int) i), proof, root), "leaf " + i);
            assertArrayEquals(leaves.get((int) i), tree.leafHash(i));
        }
        for (long m : samples(n + 1, random)) {
            if (m == 0) {
                continue;
            }
            assertArrayEquals(reference.rootHash(m), tree.rootHash(m), "root of " + m);
            List<byte[]> proof = tree.consistencyProof(m, n);
            assertProofEquals(reference.consistencyProof(m, n), proof, "consistency " + m + " to " + n);
            assertTrue(ConsistencyProof.verify(m, n, reference.rootHash(m), root, proof), m + " to " + n);
        }
        tiles.reads.forEach((tile, count) -> assertEquals(1, count, tile + " read once"));
    }

    @Test
    @DisplayName("Proofs for a smaller size use the tiles of the larger size, and match MerkleTree")
    void smallerSizesFromLargerTiles() throws IOException {
        List<byte[]> leaves = randomLeaves(1000);
        MerkleTree reference = MerkleTree.ofLeafHashes(leaves);
        TiledTree tree = new TiledTree(new CountingTiles(Tiles.hashTiles(leaves)), 1000);
        for (long size : new long[] {1, 255, 256, 300, 513, 999}) {
            assertProofEquals(reference.inclusionProof(size - 1, size), tree.inclusionProof(size - 1, size), "" + size);
            assertProofEquals(reference.consistencyProof(size / 2 + 1, size), tree.consistencyProof(size / 2 + 1, size),
                    "" + size);
        }
        assertArrayEquals(MerkleHash.emptyRoot(), tree.rootHash(0));
    }

    @Test
    @DisplayName("A tile of the wrong length is an error, not a wrong answer")
    void wrongLengthTile() {
        List<byte[]> leaves = randomLeaves(300);
        Map<TilePath, byte[]> tiles = Tiles.hashTiles(leaves);
        tiles.put(TilePath.hashTile(0, 1, 44), new byte[43 * 32]);
        TiledTree tree = new TiledTree(new CountingTiles(tiles), 300);
        IOException e = assertThrows(IOException.class, tree::rootHash);
        assertTrue(e.getMessage().contains("tile/0/001.p/44"), e.getMessage());
    }

    @Test
    @DisplayName("Sizes and indexes outside the tree are refused")
    void ranges() {
        TiledTree tree = new TiledTree(new CountingTiles(Tiles.hashTiles(randomLeaves(10))), 10);
        assertThrows(IndexOutOfBoundsException.class, () -> tree.rootHash(11));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.inclusionProof(10, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.consistencyProof(0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.consistencyProof(5, 11));
        assertThrows(IllegalArgumentException.class, () -> new TiledTree(t -> new byte[0], -1));
    }

    private static void assertProofEquals(List<byte[]> expected, List<byte[]> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": length");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), what + ": node " + i);
        }
    }
}
