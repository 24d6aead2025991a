package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ConsistencyProof (RFC 9162 §2.1.4.2)")
class ConsistencyProofTest {

    private final MerkleTree tree = MerkleTree.ofEntries(RandomTrees.entries(13));

    @Test
    @DisplayName("Equal sizes verify with an empty proof and equal roots")
    void equalSizes() {
        byte[] root = tree.rootHash(5);
        assertTrue(ConsistencyProof.verify(5, 5, root, root.clone(), List.of()));
    }

    @Test
    @DisplayName("Equal sizes fail when the roots differ or the proof is not empty")
    void equalSizesFail() {
        byte[] root = tree.rootHash(5);
        assertFalse(ConsistencyProof.verify(5, 5, root, tree.rootHash(6), List.of()));
        assertFalse(ConsistencyProof.verify(5, 5, root, root, List.of(root)));
    }

    @Test
    @DisplayName("A first size of zero never verifies, even against the empty root, by documented choice")
    void sizeZero() {
        byte[] empty = MerkleHash.emptyRoot();
        assertFalse(ConsistencyProof.verify(0, 0, empty, empty, List.of()));
        assertFalse(ConsistencyProof.verify(0, 13, empty, tree.rootHash(13), List.of()));
        assertFalse(ConsistencyProof.verify(0, 13, empty, tree.rootHash(13), List.of(empty)));
    }

    @Test
    @DisplayName("A first size larger than the second, or a negative size, is rejected")
    void badSizes() {
        assertFalse(ConsistencyProof.verify(6, 5, tree.rootHash(6), tree.rootHash(5), tree.consistencyProof(5, 6)));
        assertFalse(ConsistencyProof.verify(-1, 5, tree.rootHash(1), tree.rootHash(5), List.of()));
    }

    @Test
    @DisplayName("When the first size is a power of two the proof omits the first root and still verifies")
    void powerOfTwoFirstSize() {
        for (int m : new int[] {1, 2, 4, 8}) {
            List<byte[]> proof = tree.consistencyProof(m, 13);
            // The old tree is a complete left subtree, so the proof is its path to the new root.
            assertEquals(tree.inclusionProof(0, 13).size() - Integer.numberOfTrailingZeros(m), proof.size());
            assertTrue(ConsistencyProof.verify(m, 13, tree.rootHash(m), tree.rootHash(13), proof), "m = " + m);
        }
    }

    @Test
    @DisplayName("A non-empty proof is required when the sizes differ")
    void emptyProofForDifferentSizes() {
        assertFalse(ConsistencyProof.verify(4, 13, tree.rootHash(4), tree.rootHash(13), List.of()));
    }

    @Test
    @DisplayName("A proof between other sizes of the same log is rejected")
    void proofForOtherSizes() {
        List<byte[]> proof = tree.consistencyProof(5, 13);
        assertFalse(ConsistencyProof.verify(6, 13, tree.rootHash(6), tree.rootHash(13), proof));
        assertFalse(ConsistencyProof.verify(5, 12, tree.rootHash(5), tree.rootHash(12), proof));
    }

    @Test
    @DisplayName("Passing null is a programming error and throws")
    void nulls() {
        byte[] root = tree.rootHash(1);
        assertThrows(NullPointerException.class, () -> ConsistencyProof.verify(1, 2, null, root, List.of()));
        assertThrows(NullPointerException.class, () -> ConsistencyProof.verify(1, 2, root, null, List.of()));
        assertThrows(NullPointerException.class, () -> ConsistencyProof.verify(1, 2, root, root, null));
    }
}
