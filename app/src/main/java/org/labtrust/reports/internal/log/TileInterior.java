package org.labtrust.reports.internal.log;

/**
 * The interior of a full tile: for each height 1 to 8 above its 256 hashes, the nodes at that
 * height (128, 64, ... 1 of them). Index 0 is unused, so that {@code levels[h]} is height h.
 */
final class TileInterior {

	private TileInterior() {
	}

	static byte[][] of(byte[] tile) {
		TreeHash hash = new TreeHash();
		byte[][] levels = new byte[9][];
		levels[0] = tile;
		for (int height = 1; height <= 8; height++) {
			byte[] below = levels[height - 1];
			int count = (TileSource.WIDTH >> height);
			byte[] nodes = new byte[count * TreeHash.SIZE];
			for (int i = 0; i < count; i++) {
				System.arraycopy(hash.node(below, 2 * i * TreeHash.SIZE, (2 * i + 1) * TreeHash.SIZE), 0, nodes,
						i * TreeHash.SIZE, TreeHash.SIZE);
			}
			levels[height] = nodes;
		}
		return levels;
	}
}
