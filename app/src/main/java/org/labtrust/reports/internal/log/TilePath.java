package org.labtrust.reports.internal.log;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tile or entry-bundle path of C2SP tlog-tiles, after {@code tile/}: {@code <L>/<N>[.p/<W>]} or
 * {@code entries/<N>[.p/<W>]}, with {@code N} in 3-digit groups all but the last prefixed by
 * {@code x}. Exactly one spelling of each tile is accepted.
 *
 * @param level the tile level, or -1 for an entry bundle
 * @param width 256 for a full tile
 */
public record TilePath(int level, long index, int width) {

	public static final int ENTRIES = -1;

	private static final Pattern PATH = Pattern
		.compile("(entries|0|[1-9]|[1-5][0-9]|6[0-3])/((?:x[0-9]{3}/){0,5}[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

	public static Optional<TilePath> parse(String path) {
		Matcher m = PATH.matcher(path);
		if (!m.matches()) {
			return Optional.empty();
		}
		int level = m.group(1).equals("entries") ? ENTRIES : Integer.parseInt(m.group(1));
		long index = Long.parseLong(m.group(2).replace("x", "").replace("/", ""));
		int width = m.group(3) == null ? TileSource.WIDTH : Integer.parseInt(m.group(3));
		if (m.group(3) != null && width > 255) {
			return Optional.empty();
		}
		return Optional.of(new TilePath(level, index, width));
	}

	public boolean entries() {
		return level == ENTRIES;
	}

	/** Whether a tree of {@code size} holds this tile: its last hash covers a complete subtree. */
	public boolean within(long size) {
		int hashLevel = entries() ? 0 : level;
		long complete = hashLevel * 8 >= 64 ? 0 : size >>> (8 * hashLevel);
		return index <= (Long.MAX_VALUE - width) / TileSource.WIDTH && index * TileSource.WIDTH + width <= complete;
	}
}
