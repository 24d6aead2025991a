package org.labtrust.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Seeded random trees and tampering helpers shared by the property tests. */
final class RandomTrees {

    static final long SEED = 6962L;

    private RandomTrees() {
    }

    /** Edge sizes around powers of two, plus seeded random sizes, all in 1..300. */
    static Stream<Integer> sizes() {
        TreeSet<Integer> sizes = new TreeSet<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 31, 32, 33,
                63, 64, 65, 127, 128, 129, 255, 256, 257, 299, 300));
        Random random = new Random(SEED);
        while (sizes.size() < 60) {
            sizes.add(1 + random.nextInt(300));
        }
        return sizes.stream();
    }

    /** {@code n} random entries of 0..63 bytes, the same for the same {@code n}. */
    static List<byte[]> entries(int n) {
        Random random = new Random(SEED * 31 + n);
        List<byte[]> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] entry = new byte[random.nextInt(64)];
            random.nextBytes(entry);
            entries.add(entry);
        }
        return entries;
    }

    /** A copy of {@code bytes} with one randomly chosen bit flipped. */
    static byte[] flipOneBit(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        int bit = random.nextInt(copy.length * 8);
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    /** A copy of {@code proof} with one bit flipped in node {@code i}. */
    static List<byte[]> flipInNode(List<byte[]> proof, int i, Random random) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(i, flipOneBit(proof.get(i), random));
        return copy;
    }
}
