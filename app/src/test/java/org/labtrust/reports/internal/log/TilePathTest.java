package org.labtrust.reports.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TilePathTest {

	@ParameterizedTest
	@CsvSource({ "0/000, 0, 0, 256", "0/005.p/17, 0, 5, 17", "3/x001/x234/067, 3, 1234067, 256",
			"63/999.p/255, 63, 999, 255", "entries/x001/000, -1, 1000, 256", "entries/000.p/1, -1, 0, 1" })
	void theOneSpellingOfEachTileParses(String path, int level, long index, int width) {
		assertThat(TilePath.parse(path)).contains(new TilePath(level, index, width));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0/5", "0/0005", "0/x005", "00/000", "64/000", "0/000.p/0", "0/000.p/256", "0/000.p/01",
			"0/000.p/", "0/x000/x000/x000/x000/x000/x000/000", "entries/5", "entry/000", "0/000/", "/0/000", "0/00a" })
	void everyOtherSpellingIsRefused(String path) {
		assertThat(TilePath.parse(path)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "0/000, 256, true", "0/000, 255, false", "0/000.p/255, 255, true", "0/001.p/1, 257, true",
			"0/001.p/2, 257, false", "1/000.p/1, 256, true", "1/000.p/1, 255, false", "entries/000.p/3, 3, true",
			"2/000.p/1, 65536, true", "2/000.p/1, 65535, false" })
	void aTileIsServedOnlyWhenTheTreeHoldsIt(String path, long size, boolean within) {
		assertThat(TilePath.parse(path).orElseThrow().within(size)).isEqualTo(within);
	}
}
