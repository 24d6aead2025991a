package org.labtrust.verifier;

import java.io.IOException;

/** Where hash tiles and entry bundles come from: the log over HTTP, a local mirror, a test. */
@FunctionalInterface
public interface TileSource {

    /** The bytes of the hash tile or entry bundle at {@code tile}, exactly as served. */
    byte[] read(TilePath tile) throws IOException;
}
