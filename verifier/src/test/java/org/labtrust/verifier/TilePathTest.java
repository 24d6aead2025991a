package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("TilePath (C2SP tlog-tiles paths)")
class TilePathTest {

    @Test
    @DisplayName("Indexes are written in 3-digit groups, all but the last prefixed with x")
    void encodes() {
        assertEquals("tile/0/x001/x234/067", TilePath.hashTile(0, 1234067, 256).toString());
        assertEquals("tile/0/005", TilePath.hashTile(0, 5, 256).toString());
        assertEquals("tile/0/000", TilePath.hashTile(0, 0, 256).toString());
        assertEquals("tile/3/x001/000.p/1", TilePath.hashTile(3, 1000, 1).toString());
        assertEquals("tile/63/999.p/255", TilePath.hashTile(63, 999, 255).toString());
        assertEquals("tile/entries/x001/x234/067.p/8", TilePath.entryBundle(1234067, 8).toString());
        assertEquals("tile/0/x009/x223/x372/x036/x854/x775/807", TilePath.hashTile(0, Long.MAX_VALUE, 256).toString());
    }

    @Test
    @DisplayName("Every path parses back to the tile it was written from")
    void roundTrip() {
        Random random = new Random(6962);
        for (int i = 0; i < 5000; i++) {
            long index = i < 2000 ? i : (random.nextLong() >>> 1) >>> random.nextInt(63);
            TilePath tile = random.nextBoolean()
                    ? TilePath.entryBundle(index, 1 + random.nextInt(256))
                    : TilePath.hashTile(random.nextInt(64), index, 1 + random.nextInt(256));
            assertEquals(tile, TilePath.parse(tile.toString()), tile.toString());
        }
    }

    @Test
    @DisplayName("Any other spelling is refused: leading zeros, missing x, bad level or width, extra segments")
    void refusesOtherSpellings() {
        List<String> bad = List.of("tile/0/5", "tile/0/05", "tile/0/0005", "tile/0/x005", "tile/0/x000/005",
                "tile/0/001/234", "tile/0/x001/x234", "tile/0/x1/234", "tile/00/000", "tile/01/000", "tile/64/000",
                "tile/100/000", "tile/-1/000", "tile/0/000.p/0", "tile/0/000.p/256", "tile/0/000.p/05",
                "tile/0/000.p/", "tile/0/000.p", "tile/0/000.p/8/", "tile/0/000/", "/tile/0/000", "tile/0/000.P/8",
                "tile/entries/5", "tile/entry/000", "tile/entries/000.p/300", "tile/0/x009/x223/x372/x036/x854/x775/808",
                "tile/0/x999/x999/x999/x999/x999/x999/x999/999", "tile/0/\u0661\u0662\u0663", "tile/ 0/000", "");
        for (String path : bad) {
            assertThrows(IllegalArgumentException.class, () -> TilePath.parse(path), path);
        }
    }

    @Test
    @DisplayName("Out-of-range tiles cannot be made")
    void constructorRanges() {
        assertThrows(IllegalArgumentException.class, () -> TilePath.hashTile(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> TilePath.hashTile(0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> TilePath.hashTile(0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TilePath.hashTile(0, 0, 257));
        assertThrows(IllegalArgumentException.class, () -> new TilePath(true, 1, 0, 1));
    }

    @Test
    @DisplayName("A tree of 70,000 entries has the tiles the spec lists")
    void specExample70000() {
        List<TilePath> tiles = TilePath.hashTiles(70_000);
        assertEquals(273, tiles.stream().filter(t -> t.level() == 0 && !t.isPartial()).count());
        assertEquals(List.of("tile/0/273.p/112", "tile/1/000", "tile/1/001.p/17", "tile/2/000.p/1"),
                tiles.stream().filter(t -> t.level() > 0 || t.isPartial()).map(TilePath::toString).collect(Collectors.toList()));
        assertEquals(274, TilePath.entryBundles(70_000).size());
        assertEquals("tile/entries/273.p/112", TilePath.entryBundles(70_000).get(273).toString());
    }

    @Test
    @DisplayName("A tree of 256 entries has one full level-0 tile and a level-1 tile of width 1")
    void specExample256() {
        assertEquals(List.of("tile/0/000", "tile/1/000.p/1"),
                TilePath.hashTiles(256).stream().map(TilePath::toString).collect(Collectors.toList()));
        assertEquals(List.of(), TilePath.hashTiles(0));
        assertEquals(List.of("tile/0/000.p/1"),
                TilePath.hashTiles(1).stream().map(TilePath::toString).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("width() is 256 for full tiles, floor(s/256^l) mod 256 for the last, 0 beyond")
    void widths() {
        assertEquals(256, TilePath.width(0, 272, 70_000));
        assertEquals(112, TilePath.width(0, 273, 70_000));
        assertEquals(0, TilePath.width(0, 274, 70_000));
        assertEquals(17, TilePath.width(1, 1, 70_000));
        assertEquals(1, TilePath.width(2, 0, 70_000));
        assertEquals(0, TilePath.width(3, 0, 70_000));
        assertEquals(0, TilePath.width(1, 0, 255));
        assertEquals(0, TilePath.width(0, 1, 256));
        assertEquals(127, TilePath.width(7, 0, Long.MAX_VALUE));
        assertEquals(0, TilePath.width(8, 0, Long.MAX_VALUE));
        assertEquals(0, TilePath.width(63, 0, Long.MAX_VALUE));
    }

    @Test
    @DisplayName("hashTiles() agrees with tiles built from the spec's definition, for many sizes")
    void hashTilesMatchDefinition() {
        Random random = new Random(1);
        List<Integer> sizes = new ArrayList<>(List.of(1, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, 70_000));
        for (int i = 0; i < 20; i++) {
            sizes.add(1 + random.nextInt(140_000));
        }
        for (int size : sizes) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                leaves.add(new byte[32]);
            }
            assertEquals(Tiles.hashTiles(leaves).keySet(), new HashSet<>(TilePath.hashTiles(size)), "size " + size);
            assertEquals(TilePath.partialTiles(size).stream().filter(t -> !t.entryBundle()).collect(Collectors.toSet()),
                    TilePath.hashTiles(size).stream().filter(TilePath::isPartial).collect(Collectors.toSet()), "size " + size);
        }
    }
}
