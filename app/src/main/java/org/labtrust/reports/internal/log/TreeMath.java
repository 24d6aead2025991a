package org.labtrust.reports.internal.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Root hashes and inclusion proofs (RFC 6962 §2.1) computed from C2SP tiles: a node of height
 * {@code h} is read from the tile at level {@code h / 8} and, when {@code h} is not a multiple of
 * 8, hashed up from the {@code 2^(h mod 8)} tile hashes beneath it.
 */
public final class TreeMath {

	private final TileSource tiles;

	private final TreeHash hash = new TreeHash();

	public TreeMath(TileSource tiles) {
		this.tiles = tiles;
	}

	/** The size of the tree being read, which tells full tiles from partial ones. */
	private long size;

	public byte[] root(long size) {
		this.size = size;
		return size == 0 ? hash.empty() : subtree(0, size);
	}

	/** Audit path for {@code index} in the tree of {@code size}, leaf side first (RFC 6962 PATH). */
	public List<byte[]> inclusionProof(long index, long size) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("index " + index + " not in tree of size " + size);
		}
		this.size = size;
		List<byte[]> proof = new ArrayList<>();
		path(index, 0, size, proof);
		return proof;
	}

	private void path(long m, long start, long end, List<byte[]> proof) {
		long n = end - start;
		if (n == 1) {
			return;
		}
		long k = Long.highestOneBit(n - 1);
		if (m < start + k) {
			path(m, start, start + k, proof);
			proof.add(subtree(start + k, end));
		}
		else {
			path(m, start + k, end, proof);
			proof.add(subtree(start, start + k));
		}
	}

	/** MTH(D[start:end]), where start is a multiple of the largest power of two below end - start. */
	private byte[] subtree(long start, long end) {
		long n = end - start;
		if (Long.bitCount(n) == 1) {
			return node(Long.numberOfTrailingZeros(n), start / n);
		}
		long k = Long.highestOneBit(n - 1);
		return hash.node(subtree(start, start + k), subtree(start + k, end));
	}

	/** The complete node of height {@code h} covering leaves {@code [k·2^h, (k+1)·2^h)}. */
	private byte[] node(int h, long k) {
		int level = h / 8;
		int height = h % 8;
		long first = k << height; // index of the first tile hash under this node
		long tile = first / TileSource.WIDTH;
		int width = (int) Math.min(TileSource.WIDTH, (size >>> (8 * level)) - tile * TileSource.WIDTH);
		return tiles.interior(level, tile, width, height, (int) (first % TileSource.WIDTH) >> height);
	}
}
