package org.labtrust.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code monitor} keeps between runs in its state directory: the last verified checkpoint
 * ({@code DIR/checkpoint}), a mirror of the verified tiles and bundles for that checkpoint
 * ({@code DIR/tile/...}), and the tiles a run has checked but not yet tied to a checkpoint
 * ({@code DIR/.incoming/tile/...}), so an interrupted run need not fetch them again.
 */
final class MonitorState {

    private final Path dir;
    private final TileStore mirror;
    private final TileStore incoming;

    MonitorState(Path dir) {
        this.dir = dir;
        this.mirror = new TileStore(dir);
        this.incoming = new TileStore(dir.resolve(".incoming"));
    }

    /** Tiles and bundles verified against the last verified checkpoint. */
    TileStore mirror() {
        return mirror;
    }

    /** Tiles and bundles checked by a run that has not finished. */
    TileStore incoming() {
        return incoming;
    }

    /** The last verified checkpoint note, if a run has finished before. */
    Optional<String> checkpoint() throws IOException {
        Path file = dir.resolve("checkpoint");
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
    }

    /**
     * Records a verified checkpoint: moves the tiles checked for it into the mirror, then
     * replaces the checkpoint, then drops the partial tiles of the old size that the new size
     * no longer has. A crash between the steps leaves extra tiles, never a checkpoint without
     * its tiles.
     */
    void commit(String note, long oldSize, long newSize, Collection<TilePath> checked) throws IOException {
        for (TilePath tile : checked) {
            incoming.moveTo(mirror, tile);
        }
        TileStore.writeAtomically(dir.resolve("checkpoint"), note.getBytes(StandardCharsets.UTF_8));
        for (TilePath old : TilePath.partialTiles(oldSize)) {
            if (TilePath.width(old.level(), old.index(), newSize) != old.width()) {
                mirror.delete(old);
            }
        }
        discardIncoming();
    }

    /** Forgets the tiles of an unfinished run. */
    void discardIncoming() throws IOException {
        Path root = dir.resolve(".incoming");
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
