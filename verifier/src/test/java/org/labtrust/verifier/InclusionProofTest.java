package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("InclusionProof (RFC 9162 §2.1.3.2)")
class InclusionProofTest {

    private final List<byte[]> entries = RandomTrees.entries(7);
    private final MerkleTree tree = MerkleTree.ofEntries(entries);
    private final byte[] root = tree.rootHash(7);

    @Test
    @DisplayName("An index equal to or beyond the tree size is rejected")
    void indexOutOfTree() {
        List<byte[]> proof = tree.inclusionProof(6, 7);
        assertTrue(InclusionProof.verify(6, 7, tree.leafHash(6), proof, root));
        assertFalse(InclusionProof.verify(7, 7, tree.leafHash(6), proof, root));
        assertFalse(InclusionProof.verify(Long.MAX_VALUE, 7, tree.leafHash(6), proof, root));
    }

    @Test
    @DisplayName("A negative index, which is how an unsigned index above Long.MAX_VALUE arrives, is rejected")
    void negativeIndex() {
        assertFalse(InclusionProof.verify(-1, 7, tree.leafHash(0), tree.inclusionProof(0, 7), root));
    }

    @Test
    @DisplayName("Nothing is included in the empty tree")
    void emptyTree() {
        assertFalse(InclusionProof.verify(0, 0, MerkleHash.emptyRoot(), List.of(), MerkleHash.emptyRoot()));
    }

    @Test
    @DisplayName("A proof checked against a tree size whose path has a different shape is rejected")
    void wrongSize() {
        List<byte[]> proof = tree.inclusionProof(2, 7);
        assertFalse(InclusionProof.verify(2, 3, tree.leafHash(2), proof, root));
        assertFalse(InclusionProof.verify(2, 4, tree.leafHash(2), proof, root));
        assertFalse(InclusionProof.verify(2, 16, tree.leafHash(2), proof, root));
    }

    @Test
    @DisplayName("The tree size is bound only through the root, so sizes with the same path shape also pass")
    void sizeBoundByRootOnly() {
        // Leaf 2 has the same path shape in trees of 5 to 8 leaves; a signed checkpoint, not
        // this proof, is what ties the root to its size.
        List<byte[]> proof = tree.inclusionProof(2, 7);
        for (long size = 5; size <= 8; size++) {
            assertTrue(InclusionProof.verify(2, size, tree.leafHash(2), proof, root), "size " + size);
        }
    }

    @Test
    @DisplayName("A proof whose nodes are valid but in swapped order is rejected")
    void swappedNodes() {
        List<byte[]> proof = Arrays.asList(tree.inclusionProof(2, 7).toArray(new byte[0][]));
        java.util.Collections.swap(proof, 0, 1);
        assertFalse(InclusionProof.verify(2, 7, tree.leafHash(2), proof, root));
    }

    @Test
    @DisplayName("A leaf hash or proof node that is not 32 bytes is rejected")
    void wrongLengths() {
        assertFalse(InclusionProof.verify(0, 1, new byte[0], List.of(), new byte[0]));
        byte[] longLeaf = Arrays.copyOf(tree.leafHash(0), 33);
        assertFalse(InclusionProof.verify(0, 7, longLeaf, tree.inclusionProof(0, 7), root));
        List<byte[]> proof = new java.util.ArrayList<>(tree.inclusionProof(0, 7));
        proof.set(0, Arrays.copyOf(proof.get(0), 31));
        assertFalse(InclusionProof.verify(0, 7, tree.leafHash(0), proof, root));
    }

    @Test
    @DisplayName("Passing null is a programming error and throws")
    void nulls() {
        assertThrows(NullPointerException.class, () -> InclusionProof.verify(0, 1, null, List.of(), root));
        assertThrows(NullPointerException.class, () -> InclusionProof.verify(0, 1, root, null, root));
        assertThrows(NullPointerException.class, () -> InclusionProof.verify(0, 1, root, List.of(), null));
    }
}
