package org.labtrust.verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A directory of hash tiles and entry bundles in the tlog-tiles layout, such as
 * {@code DIR/tile/0/x001/234.p/8}, which a static web server could serve as a log mirror.
 * Each file is written whole or not at all.
 */
final class TileStore implements TileSource {

    private final Path root;

    TileStore(Path root) {
        this.root = root;
    }

    Path file(TilePath tile) {
        return root.resolve(tile.toString());
    }

    boolean has(TilePath tile) {
        return Files.isRegularFile(file(tile));
    }

    @Override
    public byte[] read(TilePath tile) throws IOException {
        return Files.readAllBytes(file(tile));
    }

    void write(TilePath tile, byte[] bytes) throws IOException {
        writeAtomically(file(tile), bytes);
    }

    /** Moves {@code tile} from this store into {@code target}, replacing what is there. */
    void moveTo(TileStore target, TilePath tile) throws IOException {
        Path to = target.file(tile);
        Files.createDirectories(to.getParent());
        Files.move(file(tile), to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes {@code tile}, and its {@code .p} directory once that is empty. */
    void delete(TilePath tile) throws IOException {
        Path file = file(tile);
        Files.deleteIfExists(file);
        Path parent = file.getParent();
        if (tile.isPartial() && Files.isDirectory(parent)) {
            try (var rest = Files.list(parent)) {
                if (rest.findAny().isEmpty()) {
                    Files.delete(parent);
                }
            }
        }
    }

    /** Writes to a temporary file next to {@code file}, then renames it, so readers never see half a file. */
    static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), ".tmp-", "");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
