package org.labtrust.reports.internal.log;

/** Reads hash tiles: the first {@code width} hashes of tile {@code index} at {@code level}. */
@FunctionalInterface
public interface TileSource {

	int WIDTH = 256;

	/** The tile's hashes, at least {@code width} of them (extra hashes are ignored). */
	byte[] tile(int level, long index, int width);
}
