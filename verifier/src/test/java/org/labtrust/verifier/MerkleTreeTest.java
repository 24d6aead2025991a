package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MerkleTree (RFC 6962 §2.1.1 PATH and §2.1.2 PROOF)")
class MerkleTreeTest {

    private final List<byte[]> entries = RandomTrees.entries(10);
    private final MerkleTree tree = MerkleTree.ofEntries(entries);

    @Test
    @DisplayName("A tree built from leaf hashes equals one built from the entries")
    void fromLeafHashes() {
        List<byte[]> leaves = new ArrayList<>();
        entries.forEach(e -> leaves.add(MerkleHash.leafHash(e)));
        MerkleTree same = MerkleTree.ofLeafHashes(leaves);
        for (int m = 0; m <= 10; m++) {
            assertArrayEquals(tree.rootHash(m), same.rootHash(m));
        }
    }

    @Test
    @DisplayName("A leaf hash that is not 32 bytes is refused")
    void badLeafHash() {
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.ofLeafHashes(List.of(new byte[31])));
    }

    @Test
    @DisplayName("The empty tree has the empty root and no proofs")
    void emptyTree() {
        MerkleTree empty = MerkleTree.ofEntries(List.of());
        assertEquals(0, empty.size());
        assertArrayEquals(MerkleHash.emptyRoot(), empty.rootHash(0));
        assertThrows(IndexOutOfBoundsException.class, () -> empty.inclusionProof(0, 0));
    }

    @Test
    @DisplayName("Proofs for sizes or indexes outside the tree are refused")
    void outOfRange() {
        assertThrows(IndexOutOfBoundsException.class, () -> tree.inclusionProof(10, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.inclusionProof(0, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.inclusionProof(-1, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.consistencyProof(0, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.consistencyProof(5, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.consistencyProof(5, 11));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.rootHash(11));
    }

    @Test
    @DisplayName("A proof for an earlier size is the proof the smaller tree would give")
    void prefixProofs() {
        MerkleTree smaller = MerkleTree.ofEntries(entries.subList(0, 6));
        assertEquals(hex(smaller.inclusionProof(3, 6)), hex(tree.inclusionProof(3, 6)));
        assertEquals(hex(smaller.consistencyProof(3, 6)), hex(tree.consistencyProof(3, 6)));
    }

    @Test
    @DisplayName("Returned hashes are copies, so callers cannot corrupt the tree")
    void defensiveCopies() {
        byte[] root = tree.rootHash(10);
        root[0] ^= 1;
        tree.leafHash(0)[0] ^= 1;
        tree.inclusionProof(0, 10).get(0)[0] ^= 1;
        assertTrue(InclusionProof.verify(0, 10, tree.leafHash(0), tree.inclusionProof(0, 10), tree.rootHash(10)));
        assertArrayEquals(MerkleHash.rootOf(entries), tree.rootHash(10));
    }

    private static List<String> hex(List<byte[]> hashes) {
        List<String> out = new ArrayList<>();
        hashes.forEach(h -> out.add(Hex.encode(h)));
        return out;
    }
}
