package org.labtrust.registry.internal.certificate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON Canonicalization Scheme (RFC 8785) for the values a signed certificate holds: objects
 * ({@link Map} with string keys), arrays ({@link List}), strings, booleans, null and integers of at
 * most 2^53 in magnitude. Members are sorted by their names' UTF-16 code units, no whitespace is
 * written, strings escape only what RFC 8785 §3.2.2.2 requires (quote, backslash, control
 * characters, the short forms where JSON has them, else lowercase backslash-u00xx), everything else
 * is written as itself in UTF-8.
 * <p>
 * Written here rather than taken from a library: the payload has no fractional numbers, which are
 * the only hard part of JCS (ECMAScript number formatting), and the one JCS library on Maven
 * Central has had no release since 2020. Anything outside this shape is refused, not guessed at.
 */
public final class CanonicalJson {

	/** Integers beyond this lose precision as IEEE 754 doubles, which RFC 8785 numbers are. */
	private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

	private CanonicalJson() {
	}

	/** The canonical UTF-8 bytes of {@code value}. */
	public static byte[] bytes(Object value) {
		return text(value).getBytes(StandardCharsets.UTF_8);
	}

	/** The canonical text of {@code value}. */
	public static String text(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString();
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String s) {
			string(s, out);
		}
		else if (value instanceof Boolean b) {
			out.append(b.booleanValue());
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
			long n = ((Number) value).longValue();
			if (Math.abs(n) > MAX_SAFE_INTEGER) {
				throw new IllegalArgumentException("integer out of the I-JSON range: " + n);
			}
			out.append(n);
		}
		else if (value instanceof Map<?, ?> map) {
			List<String> names = new ArrayList<>();
			for (Object key : map.keySet()) {
				if (!(key instanceof String name)) {
					throw new IllegalArgumentException("object member names must be strings: " + key);
				}
				names.add(name);
			}
			names.sort(null); // String order is UTF-16 code unit order, as RFC 8785 §3.2.3 sorts
			out.append('{');
			for (int i = 0; i < names.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				string(names.get(i), out);
				out.append(':');
				write(map.get(names.get(i)), out);
			}
			out.append('}');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(list.get(i), out);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("not a canonical JSON value here: " + value.getClass().getName());
		}
	}

	private static void string(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
					}
					else if (Character.isSurrogate(c)) {
						if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
							out.append(c).append(s.charAt(++i));
						}
						else {
							throw new IllegalArgumentException("lone surrogate in a string at index " + i);
						}
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
