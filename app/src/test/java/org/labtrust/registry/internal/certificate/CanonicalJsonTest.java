package org.labtrust.registry.internal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** RFC 8785 canonicalization, checked against the RFC's own examples. */
class CanonicalJsonTest {

	@Test
	void stringsEscapeOnlyWhatRfc8785RequiresAndControlCharactersInLowercaseHex() {
		// RFC 8785 §3.2.2.2: euro sign, dollar, U+000F, newline, A, apostrophe, B, quote, two backslashes, quote, slash
		String value = "\u20ac$\u000F\nA'B\"\\\\\"/";
		assertThat(CanonicalJson.text(value)).isEqualTo("\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"");
	}

	@Test
	void membersAreSortedByUtf16CodeUnitsAsInRfc8785() {
		// RFC 8785 §3.2.3: the sorted order of these names
		Map<String, Object> object = new LinkedHashMap<>();
		for (String name : List.of("\u20ac", "\r", "\ufb33", "1", "\ud83d\ude00", "\u0080", "\u00f6")) {
			object.put(name, name);
		}
		String text = CanonicalJson.text(object);
		assertThat(text).startsWith("{\"\\r\":\"\\r\",\"1\":\"1\",\"\u0080\":\"\u0080\",\"\u00f6\":\"\u00f6\","
				+ "\"\u20ac\":\"\u20ac\",\"\ud83d\ude00\":\"\ud83d\ude00\",\"\ufb33\":\"\ufb33\"}");
	}

	@Test
	void nestedValuesHaveNoWhitespaceAndUtf8Bytes() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("b", null);
		inner.put("a", List.of(1, true, "检测"));
		Map<String, Object> outer = new LinkedHashMap<>();
		outer.put("z", inner);
		outer.put("y", List.of());
		assertThat(CanonicalJson.text(outer)).isEqualTo("{\"y\":[],\"z\":{\"a\":[1,true,\"检测\"],\"b\":null}}");
		assertThat(CanonicalJson.bytes("检")).isEqualTo("\"检\"".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void valuesOutsideTheSignedShapeAreRefusedRatherThanGuessed() {
		assertThatThrownBy(() -> CanonicalJson.text(1.5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CanonicalJson.text(1L << 60)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CanonicalJson.text("\ud800x")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CanonicalJson.text(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
	}
}
