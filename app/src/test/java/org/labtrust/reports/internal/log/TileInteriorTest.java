package org.labtrust.reports.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Cached interior nodes are exactly the nodes a proof would otherwise hash again. */
class TileInteriorTest {

	@Test
	void everyInteriorNodeEqualsTheHashOfTheTileHashesBeneathIt() {
		byte[] tile = new byte[TileSource.WIDTH * TreeHash.SIZE];
		new Random(7).nextBytes(tile);
		byte[][] levels = TileInterior.of(tile);
		TileSource plain = (level, index, width) -> tile;
		for (int height = 0; height <= 7; height++) {
			for (int position = 0; position < TileSource.WIDTH >> height; position++) {
				byte[] expected = plain.interior(0, 0, TileSource.WIDTH, height, position);
				byte[] cached = Arrays.copyOfRange(levels[height], position * TreeHash.SIZE, (position + 1) * TreeHash.SIZE);
				assertThat(cached).as("height %d position %d", height, position).isEqualTo(expected);
			}
		}
		assertThat(levels[8]).isEqualTo(new TreeHash().perfect(tile, 0, TileSource.WIDTH));
	}
}
