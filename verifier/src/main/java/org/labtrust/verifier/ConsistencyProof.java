package org.labtrust.verifier;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a Merkle consistency proof with the algorithm of RFC 9162 §2.1.4.2: that the tree of
 * size {@code size2} is an append-only extension of the tree of size {@code size1}. The proof
 * format is that of RFC 6962 §2.1.2 ({@code PROOF(m, D[n])}).
 *
 * <p>Edge cases, beyond the {@code 0 < size1 < size2} case the RFC specifies:
 * <ul>
 *   <li>{@code size1 == size2}: holds exactly when the proof is empty and the two roots are
 *       byte-for-byte equal (two heads for the same size must be the same head).</li>
 *   <li>{@code size1 == 0}: always {@code false}. The empty tree is a prefix of every tree, so
 *       no proof can say anything about it; RFC 9162 defines verification only for
 *       {@code 0 < first}. A monitor starting from an empty log must treat that case itself
 *       instead of asking this class.</li>
 *   <li>{@code size1 > size2} or a negative size: {@code false}.</li>
 * </ul>
 */
public final class ConsistencyProof {

    private ConsistencyProof() {
    }

    /**
     * Returns whether {@code proof} shows that the tree with root {@code root2} and size
     * {@code size2} extends the tree with root {@code root1} and size {@code size1}.
     * Never throws for malformed proofs; they simply do not verify.
     *
     * @throws NullPointerException if an argument or a proof node is null
     */
    public static boolean verify(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof) {
        Objects.requireNonNull(root1, "root1");
        Objects.requireNonNull(root2, "root2");
        Objects.requireNonNull(proof, "proof");
        if (size1 <= 0 || size2 < size1) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (proof.isEmpty()
                || root1.length != MerkleHash.HASH_SIZE
                || root2.length != MerkleHash.HASH_SIZE
                || !InclusionProof.allHashSized(proof)) {
            return false;
        }

        long fn = size1 - 1;
        long sn = size2 - 1;
        // When size1 is a power of two the old tree is a complete subtree of the new one, so the
        // proof omits its root and we start from root1 (RFC 9162 step 2).
        boolean oldTreeIsSubtree = Long.bitCount(size1) == 1;
        int next = oldTreeIsSubtree ? 0 : 1;
        byte[] seed = oldTreeIsSubtree ? root1 : proof.get(0);

        // Skip the levels where the old tree's last node is a right child of a node inside it.
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = seed;
        byte[] sr = seed;
        for (int i = next; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                return false; // proof is too long
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.nodeHash(c, fr);
                sr = MerkleHash.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                // Nodes to the right of the old tree contribute only to the new root.
                sr = MerkleHash.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }
}
