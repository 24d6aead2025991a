package org.labtrust.shared.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** RFC 3797 against its published example and the IETF NomCom 2022 selection (reference/rfc3797_published.json). */
class VerifiableDrawTest {

	static Stream<JsonNode> cases() throws IOException {
		try (InputStream in = VerifiableDrawTest.class.getResourceAsStream("/reference/rfc3797_published.json")) {
			List<JsonNode> cases = new ArrayList<>();
			JsonMapper.builder().build().readTree(in).get("cases").forEach(cases::add);
			return cases.stream();
		}
	}

	@ParameterizedTest(name = "{index}")
	@MethodSource("cases")
	void keyDigestsAndSelectionsAreThePublishedOnes(JsonNode published) {
		List<List<Long>> sources = new ArrayList<>();
		for (JsonNode source : published.get("sources")) {
			List<Long> numbers = new ArrayList<>();
			source.forEach(n -> numbers.add(n.asLong()));
			sources.add(numbers);
		}
		String key = VerifiableDraw.keyString(sources);
		assertThat(key).isEqualTo(published.get("key").asString());

		JsonNode rows = published.get("rows");
		List<Integer> selected = VerifiableDraw.select(key, published.get("pool").asInt(), rows.size());
		for (int i = 0; i < rows.size(); i++) {
			JsonNode row = rows.get(i);
			int index = row.get("index").asInt() - 1;
			assertThat(HexFormat.of().formatHex(VerifiableDraw.md5(index, key.getBytes())))
				.isEqualToIgnoringCase(row.get("md5").asString());
			assertThat(selected.get(i) + 1).as("selection %d", index + 1).isEqualTo(row.get("selected").asInt());
		}
	}

	@org.junit.jupiter.api.Test
	void sourcesAreReadAsPeopleWriteThem() {
		assertThat(VerifiableDraw.parseSources(" 9319/2.5,8 ")).isEqualTo(List.of(List.of(9319L), List.of(2L, 5L, 8L)));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> VerifiableDraw.parseSources("9319//2"))
			.isInstanceOf(IllegalArgumentException.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> VerifiableDraw.parseSources("93x9"))
			.hasMessageContaining("93x9");
	}
}
