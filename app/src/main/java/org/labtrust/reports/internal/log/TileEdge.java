package org.labtrust.reports.internal.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The right-hand edge of the tree, as the log writer keeps it in memory: the partial tile of each
 * level. Appending a leaf may fill tiles, whose hashes then move up a level. Everything the writer
 * must persist after an append batch is in {@link #changedTiles()}.
 */
public final class TileEdge {

	/** A tile to store: full when {@code width} is 256. */
	public record Tile(int level, long index, int width, byte[] data) {
	}

	private final TreeHash hash = new TreeHash();

	private final List<byte[]> partial = new ArrayList<>(); // per level, 256 hash slots

	private final List<Integer> widths = new ArrayList<>();

	private final List<Tile> changed = new ArrayList<>();

	private final boolean[] touched = new boolean[64];

	private long size;

	private TileEdge(long size) {
		this.size = size;
	}

	public static TileEdge empty() {
		return new TileEdge(0);
	}

	/** Rebuilds the edge of a tree of {@code size} from its stored partial tiles. */
	public static TileEdge load(long size, TileSource tiles) {
		TileEdge edge = new TileEdge(size);
		long covered = size;
		for (int level = 0; covered > 0; level++) {
			int width = (int) (covered % TileSource.WIDTH);
			long index = covered / TileSource.WIDTH;
			byte[] slots = new byte[TileSource.WIDTH * TreeHash.SIZE];
			if (width > 0) {
				System.arraycopy(tiles.tile(level, index, width), 0, slots, 0, width * TreeHash.SIZE);
			}
			edge.partial.add(slots);
			edge.widths.add(width);
			covered = index;
		}
		return edge;
	}

	public long size() {
		return size;
	}

	public void append(byte[] leafHash) {
		put(0, size, leafHash);
		size++;
	}

	private void put(int level, long position, byte[] nodeHash) {
		while (partial.size() <= level) {
			partial.add(new byte[TileSource.WIDTH * TreeHash.SIZE]);
			widths.add(0);
		}
		int width = widths.get(level);
		System.arraycopy(nodeHash, 0, partial.get(level), width * TreeHash.SIZE, TreeHash.SIZE);
		width++;
		touched[level] = true;
		if (width == TileSource.WIDTH) {
			long index = position / TileSource.WIDTH;
			byte[] full = partial.get(level);
			changed.add(new Tile(level, index, TileSource.WIDTH, full));
			partial.set(level, new byte[TileSource.WIDTH * TreeHash.SIZE]);
			widths.set(level, 0);
			put(level + 1, index, hash.perfect(full, 0, TileSource.WIDTH));
		}
		else {
			widths.set(level, width);
		}
	}

	/** Full tiles completed and partial tiles grown since the last call, for storing. */
	public List<Tile> changedTiles() {
		List<Tile> result = new ArrayList<>(changed);
		for (int level = 0; level < partial.size(); level++) {
			int width = widths.get(level);
			if (touched[level] && width > 0) {
				long index = (size >>> (8 * (level + 1)));
				result.add(new Tile(level, index, width, Arrays.copyOf(partial.get(level), width * TreeHash.SIZE)));
			}
			touched[level] = false;
		}
		changed.clear();
		return result;
	}

	/** Reads the edge's own partial tiles; full tiles are not kept, so roots need only these. */
	public TileSource partialTiles() {
		return (level, index, width) -> {
			if (level >= partial.size() || index != (size >>> (8 * (level + 1))) || width > widths.get(level)) {
				throw new IllegalStateException("tile " + level + "/" + index + " is not on the edge");
			}
			return partial.get(level);
		};
	}

	public byte[] root() {
		return new TreeMath(partialTiles()).root(size);
	}
}
