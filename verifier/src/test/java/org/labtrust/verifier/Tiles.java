package org.labtrust.verifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the tlog-tiles hash tiles and entry bundles of a tree straight from the spec's
 * definition, independently of TiledTree and of TilePath's width arithmetic: the hashes at
 * level l are the roots of consecutive complete groups of 256^l leaves.
 */
final class Tiles {

    private Tiles() {
    }

    /** Every hash tile of the tree over {@code leafHashes}, by path. */
    static Map<TilePath, byte[]> hashTiles(List<byte[]> leafHashes) {
        Map<TilePath, byte[]> tiles = new HashMap<>();
        List<byte[]> level = leafHashes;
        for (int l = 0; !level.isEmpty(); l++) {
            for (int start = 0; start < level.size(); start += 256) {
                List<byte[]> hashes = level.subList(start, Math.min(start + 256, level.size()));
                tiles.put(TilePath.hashTile(l, start / 256, hashes.size()), concat(hashes));
            }
            List<byte[]> up = new ArrayList<>();
            for (int start = 0; start + 256 <= level.size(); start += 256) {
                up.add(MerkleHash.rootOfLeafHashes(level.subList(start, start + 256)));
            }
            level = up;
        }
        return tiles;
    }

    /** Every entry bundle of a log holding {@code entries}, by path. */
    static Map<TilePath, byte[]> entryBundles(List<byte[]> entries) {
        Map<TilePath, byte[]> bundles = new HashMap<>();
        for (int start = 0; start < entries.size(); start += 256) {
            List<byte[]> group = entries.subList(start, Math.min(start + 256, entries.size()));
            bundles.put(TilePath.entryBundle(start / 256, group.size()), EntryBundle.encode(group));
        }
        return bundles;
    }

    static List<byte[]> leafHashes(List<byte[]> entries) {
        List<byte[]> leaves = new ArrayList<>(entries.size());
        entries.forEach(e -> leaves.add(MerkleHash.leafHash(e)));
        return leaves;
    }

    private static byte[] concat(List<byte[]> hashes) {
        byte[] out = new byte[hashes.size() * 32];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, out, i * 32, 32);
        }
        return out;
    }
}
