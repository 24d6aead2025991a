package org.labtrust.reports.internal.log;

/** Reads hash tiles: the first {@code width} hashes of tile {@code index} at {@code level}. */
@FunctionalInterface
public interface TileSource {

	int WIDTH = 256;

	/** The tile's hashes, at least {@code width} of them (extra hashes are ignored). */
	byte[] tile(int level, long index, int width);

	/**
	 * The node {@code height} (0 to 7) levels above the tile's hashes, covering its hashes
	 * {@code [position·2^height, (position+1)·2^height)}; {@code width} is the tile's width in the
	 * tree being read (256 when full). Sources that keep full tiles may keep these interior nodes
	 * too, instead of hashing them again for every proof.
	 */
	default byte[] interior(int level, long index, int width, int height, int position) {
		int below = 1 << height;
		return new TreeHash().perfect(tile(level, index, (position + 1) * below), position * below, below);
	}
}
