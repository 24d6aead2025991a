package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Round trips between MerkleTree (RFC 6962 PATH/PROOF) and the RFC 9162 verifiers. */
@DisplayName("Proofs on seeded random trees")
class RandomTreeTest {

    static Stream<Integer> sizes() {
        return RandomTrees.sizes();
    }

    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes")
    @DisplayName("MerkleTree's root agrees with MerkleHash.rootOf for every prefix")
    void rootsAgree(int n) {
        List<byte[]> entries = RandomTrees.entries(n);
        MerkleTree tree = MerkleTree.ofEntries(entries);
        for (int m = 0; m <= n; m++) {
            assertArrayEquals(MerkleHash.rootOf(entries.subList(0, m)), tree.rootHash(m), "prefix " + m);
        }
    }

    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes")
    @DisplayName("Every inclusion proof verifies, and fails once one bit of the leaf, root or any node flips")
    void inclusionRoundTrip(int n) {
        List<byte[]> entries = RandomTrees.entries(n);
        MerkleTree tree = MerkleTree.ofEntries(entries);
        byte[] root = MerkleHash.rootOf(entries);
        Random random = new Random(RandomTrees.SEED + n);
        for (int i = 0; i < n; i++) {
            byte[] leaf = MerkleHash.leafHash(entries.get(i));
            List<byte[]> proof = tree.inclusionProof(i, n);
            String at = "leaf " + i + " of " + n;

            assertTrue(InclusionProof.verify(i, n, leaf, proof, root), at);
            assertFalse(InclusionProof.verify(i, n, RandomTrees.flipOneBit(leaf, random), proof, root), at);
            assertFalse(InclusionProof.verify(i, n, leaf, proof, RandomTrees.flipOneBit(root, random)), at);
            for (int j = 0; j < proof.size(); j++) {
                assertFalse(InclusionProof.verify(i, n, leaf, RandomTrees.flipInNode(proof, j, random), root),
                        at + ", node " + j);
            }
            assertFalse(InclusionProof.verify(i, n, leaf, withExtraNode(proof, root), root), at + ", extra node");
            if (!proof.isEmpty()) {
                assertFalse(InclusionProof.verify(i, n, leaf, proof.subList(0, proof.size() - 1), root),
                        at + ", missing node");
            }
        }
    }

    @ParameterizedTest(name = "{0} leaves")
    @MethodSource("sizes")
    @DisplayName("Every consistency proof verifies, and fails once one bit of either root or any node flips")
    void consistencyRoundTrip(int n) {
        MerkleTree tree = MerkleTree.ofEntries(RandomTrees.entries(n));
        byte[] root2 = tree.rootHash(n);
        Random random = new Random(RandomTrees.SEED - n);
        for (int m = 1; m <= n; m++) {
            byte[] root1 = tree.rootHash(m);
            List<byte[]> proof = tree.consistencyProof(m, n);
            String at = m + " to " + n;

            assertTrue(ConsistencyProof.verify(m, n, root1, root2, proof), at);
            assertFalse(ConsistencyProof.verify(m, n, RandomTrees.flipOneBit(root1, random), root2, proof), at);
            assertFalse(ConsistencyProof.verify(m, n, root1, RandomTrees.flipOneBit(root2, random), proof), at);
            for (int j = 0; j < proof.size(); j++) {
                assertFalse(ConsistencyProof.verify(m, n, root1, root2, RandomTrees.flipInNode(proof, j, random)),
                        at + ", node " + j);
            }
            assertFalse(ConsistencyProof.verify(m, n, root1, root2, withExtraNode(proof, root2)), at + ", extra node");
            if (!proof.isEmpty()) {
                assertFalse(ConsistencyProof.verify(m, n, root1, root2, proof.subList(0, proof.size() - 1)),
                        at + ", missing node");
            }
        }
    }

    private static List<byte[]> withExtraNode(List<byte[]> proof, byte[] node) {
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(node);
        return longer;
    }
}
