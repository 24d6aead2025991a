package org.labtrust.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path of a C2SP tlog-tiles resource: a hash tile {@code tile/<L>/<N>[.p/<W>]} or an entry
 * bundle {@code tile/entries/<N>[.p/<W>]}, relative to the log's prefix.
 *
 * @param entryBundle whether this is an entry bundle rather than a hash tile
 * @param level       the tile level, 0 to 63; 0 for entry bundles, which line up with level 0
 * @param index       the tile index within its level
 * @param width       the number of hashes or entries, 1 to 256; 256 is a full tile
 */
public record TilePath(boolean entryBundle, int level, long index, int width) {

    /** Hashes in a full tile, and entries in a full bundle. */
    public static final int FULL_WIDTH = 256;
    /** Highest tile level the spec allows. */
    public static final int MAX_LEVEL = 63;

    private static final Pattern PATH = Pattern.compile(
            "tile/(entries|0|[1-9][0-9]?)/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    public TilePath {
        if (level < 0 || level > MAX_LEVEL || entryBundle && level != 0) {
            throw new IllegalArgumentException("tile level must be 0 to " + MAX_LEVEL + " (0 for entries): " + level);
        }
        if (index < 0) {
            throw new IllegalArgumentException("tile index must not be negative: " + index);
        }
        if (width < 1 || width > FULL_WIDTH) {
            throw new IllegalArgumentException("tile width must be 1 to " + FULL_WIDTH + ": " + width);
        }
    }

    public static TilePath hashTile(int level, long index, int width) {
        return new TilePath(false, level, index, width);
    }

    public static TilePath entryBundle(long index, int width) {
        return new TilePath(true, 0, index, width);
    }

    public boolean isPartial() {
        return width < FULL_WIDTH;
    }

    /**
     * Parses a path in its only valid spelling.
     *
     * @throws IllegalArgumentException for anything else: leading zeros, an index not in 3-digit
     *     groups, a level above 63, a width of 0 or above 255, a missing or extra segment
     */
    public static TilePath parse(String path) {
        Matcher m = PATH.matcher(Objects.requireNonNull(path, "path"));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a tile path: '" + path + "'");
        }
        String[] groups = m.group(2).split("/");
        if (groups.length > 1 && groups[0].equals("x000")) {
            throw new IllegalArgumentException("tile index with leading zeros: '" + path + "'");
        }
        long index = 0;
        try {
            for (String group : groups) {
                index = Math.addExact(Math.multiplyExact(index, 1000), Integer.parseInt(group.replace("x", "")));
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tile index too large: '" + path + "'");
        }
        int width = FULL_WIDTH;
        if (m.group(3) != null) {
            width = Integer.parseInt(m.group(3));
            if (width >= FULL_WIDTH) {
                throw new IllegalArgumentException("partial tile width must be 1 to 255: '" + path + "'");
            }
        }
        boolean entries = m.group(1).equals("entries");
        int level = entries ? 0 : Integer.parseInt(m.group(1));
        if (level > MAX_LEVEL) {
            throw new IllegalArgumentException("tile level above " + MAX_LEVEL + ": '" + path + "'");
        }
        return new TilePath(entries, level, index, width);
    }

    /** The path, e.g. {@code tile/0/x001/x234/067.p/8} or {@code tile/entries/005}. */
    @Override
    public String toString() {
        StringBuilder path = new StringBuilder("tile/").append(entryBundle ? "entries" : Integer.toString(level));
        String digits = Long.toString(index);
        // Left-pad to whole 3-digit groups, then prefix every group but the last with 'x'.
        digits = "0".repeat((3 - digits.length() % 3) % 3) + digits;
        for (int i = 0; i < digits.length(); i += 3) {
            path.append(i + 3 < digits.length() ? "/x" : "/").append(digits, i, i + 3);
        }
        if (isPartial()) {
            path.append(".p/").append(width);
        }
        return path.toString();
    }

    /**
     * The width of tile {@code index} at {@code level} in a tree of {@code treeSize} entries:
     * 256 when full, the partial width {@code floor(treeSize / 256^level) mod 256} for the last
     * tile, 0 when the tree has no such tile.
     */
    public static int width(int level, long index, long treeSize) {
        long hashes = hashesAtLevel(level, treeSize);
        long fullTiles = hashes / FULL_WIDTH;
        if (index < fullTiles) {
            return FULL_WIDTH;
        }
        return index == fullTiles ? (int) (hashes % FULL_WIDTH) : 0;
    }

    /** Every hash tile a tree of {@code treeSize} entries has, level by level, left to right. */
    public static List<TilePath> hashTiles(long treeSize) {
        List<TilePath> tiles = new ArrayList<>();
        for (int level = 0; hashesAtLevel(level, treeSize) > 0; level++) {
            addTiles(tiles, false, level, treeSize);
        }
        return tiles;
    }

    /** Every entry bundle a tree of {@code treeSize} entries has, left to right. */
    public static List<TilePath> entryBundles(long treeSize) {
        List<TilePath> bundles = new ArrayList<>();
        addTiles(bundles, true, 0, treeSize);
        return bundles;
    }

    private static void addTiles(List<TilePath> out, boolean entries, int level, long treeSize) {
        for (long index = 0; index < tileCount(level, treeSize); index++) {
            out.add(new TilePath(entries, level, index, width(level, index, treeSize)));
        }
    }

    /** How many tiles, full or partial, a tree of {@code treeSize} entries has at {@code level}. */
    static long tileCount(int level, long treeSize) {
        long hashes = hashesAtLevel(level, treeSize);
        return hashes / FULL_WIDTH + (hashes % FULL_WIDTH == 0 ? 0 : 1);
    }

    /** The partial tiles of a tree: the last hash tile of each level and the last entry bundle, if not full. */
    static List<TilePath> partialTiles(long treeSize) {
        List<TilePath> partials = new ArrayList<>();
        for (int level = 0; hashesAtLevel(level, treeSize) > 0; level++) {
            long last = tileCount(level, treeSize) - 1;
            int width = width(level, last, treeSize);
            if (width < FULL_WIDTH) {
                partials.add(hashTile(level, last, width));
                if (level == 0) {
                    partials.add(entryBundle(last, width));
                }
            }
        }
        return partials;
    }

    /** {@code floor(treeSize / 256^level)}: the complete subtrees of 256^level entries. */
    private static long hashesAtLevel(int level, long treeSize) {
        if (treeSize < 0 || level < 0) {
            throw new IllegalArgumentException("negative tree size or level");
        }
        // A shift of 64 or more would wrap around in Java.
        return level >= 8 ? 0 : treeSize >>> (8 * level);
    }
}
