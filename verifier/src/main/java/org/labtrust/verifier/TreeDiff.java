package org.labtrust.verifier;

import java.io.IOException;
import java.security.MessageDigest;

/**
 * Where two views of the same log first differ, such as the tiles verified before and the tiles
 * the log serves now. Used only after a check has failed, to name the entry that changed.
 */
final class TreeDiff {

    private TreeDiff() {
    }

    /**
     * The first range of leaves {@code [start, end)} below {@code size} whose subtree hash
     * differs between {@code a} and {@code b}, narrowed to a single leaf when possible, or
     * {@code null} when both give the same tree. The range stays wider than one leaf only when
     * a view's tiles disagree between levels (a node differs but its two children do not).
     */
    static long[] firstDifference(TiledTree a, TiledTree b, long size) throws IOException {
        // Walk the complete subtrees that make up the tree, left to right, largest first.
        for (long start = 0; start < size; ) {
            long end = start + Long.highestOneBit(size - start);
            if (differ(a, b, start, end)) {
                return narrow(a, b, start, end);
            }
            start = end;
        }
        return null;
    }

    private static long[] narrow(TiledTree a, TiledTree b, long start, long end) throws IOException {
        while (end - start > 1) {
            long middle = start + (end - start) / 2;
            if (differ(a, b, start, middle)) {
                end = middle;
            } else if (differ(a, b, middle, end)) {
                start = middle;
            } else {
                break;
            }
        }
        return new long[] {start, end};
    }

    private static boolean differ(TiledTree a, TiledTree b, long start, long end) throws IOException {
        return !MessageDigest.isEqual(a.subtreeHash(start, end), b.subtreeHash(start, end));
    }
}
