package org.labtrust.reports.internal.log;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the stored tree: hash tiles and entry bundles. Tiles only ever grow (a partial tile is a
 * prefix of every later version), so any cached copy stays true for the widths it holds.
 */
@Component
public class TileStore {

	private final JdbcClient jdbc;

	private final Cache<Long, byte[]> tiles = Caffeine.newBuilder()
		.maximumWeight(128L << 20)
		.<Long, byte[]>weigher((key, data) -> data.length)
		.build();

	/** Interior nodes of full tiles, by level above the tile's hashes ({@link TileInterior}). */
	private final Cache<Long, byte[][]> interiors = Caffeine.newBuilder()
		.maximumWeight(128L << 20)
		.<Long, byte[][]>weigher((key, levels) -> 16 * 1024) // the interior, and the tile it keeps alive
		.build();

	private final Cache<Long, byte[]> bundles = Caffeine.newBuilder()
		.maximumWeight(64L << 20)
		.<Long, byte[]>weigher((key, data) -> data.length)
		.build();

	TileStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The first {@code width} hashes of the tile, or empty when the tree does not hold them yet. */
	public Optional<byte[]> hashes(int level, long index, int width) {
		long key = ((long) level << 56) | index;
		byte[] cached = tiles.getIfPresent(key);
		if (cached == null || cached.length < width * TreeHash.SIZE) {
			cached = jdbc.sql("select data from log_tile where level = ? and idx = ?")
				.params(level, index)
				.query(byte[].class)
				.optional()
				.orElse(null);
			if (cached == null) {
				return Optional.empty();
			}
			tiles.put(key, cached);
		}
		if (cached.length < width * TreeHash.SIZE) {
			return Optional.empty();
		}
		return Optional.of(cached.length == width * TreeHash.SIZE ? cached : Arrays.copyOf(cached, width * TreeHash.SIZE));
	}

	/**
	 * A tile source for proofs within a tree the store holds (a missing tile is a bug). A full
	 * tile's interior nodes are computed once and cached beside it: a proof then reads its 26 or so
	 * hashes instead of recomputing a thousand.
	 */
	public TileSource source() {
		return new TileSource() {

			@Override
			public byte[] tile(int level, long index, int width) {
				return hashes(level, index, width).orElseThrow(
						() -> new IllegalStateException("tile " + level + "/" + index + " width " + width + " not stored"));
			}

			@Override
			public byte[] interior(int level, long index, int width, int height, int position) {
				if (width < TileSource.WIDTH) { // the right-hand partial tile: hashed each time
					return TileSource.super.interior(level, index, width, height, position);
				}
				if (height == 0) {
					byte[] tile = tile(level, index, position + 1);
					return Arrays.copyOfRange(tile, position * TreeHash.SIZE, (position + 1) * TreeHash.SIZE);
				}
				long key = ((long) level << 56) | index;
				byte[][] levels = interiors.get(key, k -> TileInterior.of(tile(level, index, TileSource.WIDTH)));
				return Arrays.copyOfRange(levels[height], position * TreeHash.SIZE, (position + 1) * TreeHash.SIZE);
			}
		};
	}

	/**
	 * The entry bundle: entries {@code [index·256, index·256 + width)} each with a big-endian uint16
	 * length, or empty when the tree does not hold them all yet.
	 */
	public Optional<byte[]> bundle(long index, int width, long treeSize) {
		long start = index * TileSource.WIDTH;
		if (start + width > treeSize) {
			return Optional.empty();
		}
		if (width == TileSource.WIDTH) {
			byte[] cached = bundles.getIfPresent(index);
			if (cached != null) {
				return Optional.of(cached);
			}
		}
		List<byte[]> entries = jdbc
			.sql("select entry from report_filing where entry_index >= ? and entry_index < ? order by entry_index")
			.params(start, start + width)
			.query(byte[].class)
			.list();
		if (entries.size() != width) {
			throw new IllegalStateException("entries " + start + ".." + (start + width) + " incomplete: " + entries.size());
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(width * 100);
		for (byte[] entry : entries) {
			out.write(entry.length >>> 8);
			out.write(entry.length);
			out.writeBytes(entry);
		}
		byte[] bundle = out.toByteArray();
		if (width == TileSource.WIDTH) {
			bundles.put(index, bundle);
		}
		return Optional.of(bundle);
	}
}
