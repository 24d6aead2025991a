package org.labtrust.registry.internal.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough RFC 4180 for the bundled reference CSVs and for COPY ... (FORMAT csv) lines: a
 * library would add a dependency for two small methods.
 */
final class Csv {

	private Csv() {
	}

	/** Splits one line (no embedded line breaks in the bundled files) into fields. */
	static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	/** Appends a field for COPY (FORMAT csv): null becomes an unquoted empty field, which COPY reads as NULL. */
	static void append(StringBuilder out, Object value) {
		if (value == null) {
			return;
		}
		String s = value.toString();
		if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
			out.append('"').append(s.replace("\"", "\"\"")).append('"');
		}
		else {
			out.append(s);
		}
	}

	/** Appends a whole COPY line. */
	static void line(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			append(out, values[i]);
		}
		out.append('\n');
	}
}
