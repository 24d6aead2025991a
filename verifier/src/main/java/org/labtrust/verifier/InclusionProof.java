package org.labtrust.verifier;

import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * Verifies a Merkle audit path (inclusion proof) with the iterative algorithm of
 * RFC 9162 §2.1.3.2. The proof format is that of RFC 6962 §2.1.1 ({@code PATH(m, D[n])}).
 */
public final class InclusionProof {

    private InclusionProof() {
    }

    /**
     * Returns whether {@code proof} shows that the leaf with hash {@code leafHash} is at position
     * {@code index} (0-based) in the tree of size {@code treeSize} whose root is
     * {@code expectedRoot}.
     *
     * <p>Returns {@code false}, never throws, for any input that does not prove inclusion: a
     * negative index, {@code index >= treeSize}, a leaf hash or proof node that is not
     * {@value MerkleHash#HASH_SIZE} bytes, a proof that is too short or too long, or a root
     * that does not match. Sizes are signed, so a caller holding unsigned 64-bit values
     * above {@link Long#MAX_VALUE} gets {@code false}.
     *
     * <p>The proof binds {@code treeSize} only through the root: sizes whose audit path has the
     * same shape give the same result. Take the size and root together from a trusted
     * (signed) tree head.
     *
     * @throws NullPointerException if an argument or a proof node is null
     */
    public static boolean verify(long index, long treeSize, byte[] leafHash, List<byte[]> proof,
                                 byte[] expectedRoot) {
        Objects.requireNonNull(leafHash, "leafHash");
        Objects.requireNonNull(proof, "proof");
        Objects.requireNonNull(expectedRoot, "expectedRoot");
        if (index < 0 || index >= treeSize) {
            return false;
        }
        // The algorithm itself does not look at the leaf hash length; without this check an
        // empty leaf hash would "prove" itself against an empty root in a one-leaf tree.
        if (leafHash.length != MerkleHash.HASH_SIZE || !allHashSized(proof)) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false; // proof is longer than the path to the root
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.nodeHash(p, r);
                // If fn was the last node of its level (no right sibling), it is promoted
                // unchanged; climb until it is a right child again.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        // sn != 0 means the proof was too short to reach the root.
        return sn == 0 && MessageDigest.isEqual(r, expectedRoot);
    }

    static boolean allHashSized(List<byte[]> hashes) {
        for (byte[] h : hashes) {
            if (Objects.requireNonNull(h, "proof node").length != MerkleHash.HASH_SIZE) {
                return false;
            }
        }
        return true;
    }
}
