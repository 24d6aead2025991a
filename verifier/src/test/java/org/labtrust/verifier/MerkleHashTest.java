package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("MerkleHash (RFC 6962 §2.1)")
class MerkleHashTest {

    static Stream<Arguments> hasherVectors() {
        return Reference.objects("hasher").stream().map(v -> Arguments.of(v.get("desc"), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hasherVectors")
    @DisplayName("Each published hasher vector is reproduced")
    void publishedHasherVector(String desc, Map<String, Object> v) {
        byte[] expected = Reference.hash(v, "hash");
        byte[] actual = switch ((String) v.get("kind")) {
            case "empty" -> MerkleHash.emptyRoot();
            case "leaf" -> MerkleHash.leafHash(Reference.hash(v, "input"));
            case "node" -> MerkleHash.nodeHash(Reference.hash(v, "left"), Reference.hash(v, "right"));
            default -> throw new IllegalArgumentException("unknown kind " + v.get("kind"));
        };
        assertEquals(Hex.encode(expected), Hex.encode(actual));
    }

    static IntStream prefixSizes() {
        return IntStream.rangeClosed(0, 8);
    }

    @ParameterizedTest(name = "the first {0} leaves")
    @MethodSource("prefixSizes")
    @DisplayName("The root of every prefix of the reference leaves matches the published root")
    void publishedRoots(int size) {
        List<byte[]> leaves = Reference.leaves().subList(0, size);
        assertEquals(Hex.encode(Reference.root(size)), Hex.encode(MerkleHash.rootOf(leaves)));
    }

    @Test
    @DisplayName("Every published node hash is the root of the aligned range of leaves it covers")
    @SuppressWarnings("unchecked")
    void publishedNodeHashes() {
        List<byte[]> leaves = Reference.leaves();
        List<List<String>> levels = (List<List<String>>) Reference.json().get("node_hashes");
        int checked = 0;
        for (int level = 0; level < levels.size(); level++) {
            int width = 1 << level;
            for (int i = 0; i < levels.get(level).size(); i++) {
                byte[] expected = Hex.decode(levels.get(level).get(i));
                assertArrayEquals(expected, MerkleHash.rootOf(leaves.subList(i * width, (i + 1) * width)),
                        "level " + level + " node " + i);
                checked++;
            }
        }
        assertEquals(15, checked, "8 + 4 + 2 + 1 nodes in a tree of 8 leaves");
    }

    @Test
    @DisplayName("A one-entry tree's root is the leaf hash, not a node hash")
    void singleEntryRoot() {
        byte[] entry = {1, 2, 3};
        assertArrayEquals(MerkleHash.leafHash(entry), MerkleHash.rootOf(List.of(entry)));
    }

    @Test
    @DisplayName("A three-entry tree splits after the largest power of two smaller than three")
    void threeEntrySplit() {
        byte[] a = {'a'};
        byte[] b = {'b'};
        byte[] c = {'c'};
        byte[] expected = MerkleHash.nodeHash(
                MerkleHash.nodeHash(MerkleHash.leafHash(a), MerkleHash.leafHash(b)), MerkleHash.leafHash(c));
        assertArrayEquals(expected, MerkleHash.rootOf(List.of(a, b, c)));
    }

    @Test
    @DisplayName("The split point is the largest power of two strictly smaller than n")
    void splitPoint() {
        assertEquals(1, MerkleHash.splitPoint(2));
        assertEquals(2, MerkleHash.splitPoint(3));
        assertEquals(2, MerkleHash.splitPoint(4));
        assertEquals(4, MerkleHash.splitPoint(5));
        assertEquals(256, MerkleHash.splitPoint(300));
        assertEquals(1L << 62, MerkleHash.splitPoint(Long.MAX_VALUE));
    }
}
