package org.labtrust.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The code tables behind CMA certificate numbers and credit codes: provinces (GB/T 2260 and CMA
 * authority codes), professional fields and industry authorities. They are kept as CSV data in
 * {@code registry/codes/} so that a wrong or outdated code can be corrected without a code change.
 * Instances are immutable and safe to share.
 */
public final class CodeTables {

	/** CMA authority code of the national level (SAMR, formerly CNCA). */
	public static final String NATIONAL_AUTHORITY = "00";

	private static final String BASE = "registry/codes/";

	/** A province-level division: its GB/T 2260 code and the CMA authority code of its bureau. */
	public record Province(String gb2260Code, String nameZh, String nameEn, String authorityCode) {
	}

	/** A CMA professional field; {@code bodies2023} is null where the 2023 count is unknown. */
	public record Field(String code, String nameZh, String nameEn, Integer bodies2023) {
	}

	/** A CMA industry authority (行业主管部门). */
	public record Industry(String code, String nameZh, String nameEn) {
	}

	private final List<Province> provinces;
	private final Map<String, Province> provincesByGb2260;
	private final Map<String, Province> provincesByAuthority;
	private final List<Field> fields;
	private final Map<String, Field> fieldsByCode;
	private final List<Industry> industries;
	private final Map<String, Industry> industriesByCode;

	CodeTables(List<Province> provinces, List<Field> fields, List<Industry> industries) {
		this.provinces = List.copyOf(provinces);
		this.provincesByGb2260 = index(this.provinces, Province::gb2260Code, "province GB/T 2260");
		this.provincesByAuthority = index(this.provinces, Province::authorityCode, "province authority");
		if (provincesByAuthority.containsKey(NATIONAL_AUTHORITY)) {
			// 00 is reserved for the national level; a province holding it would make numbers ambiguous
			throw new IllegalStateException("a province must not use the national authority code 00");
		}
		this.fields = List.copyOf(fields);
		this.fieldsByCode = index(this.fields, Field::code, "field");
		this.industries = List.copyOf(industries);
		this.industriesByCode = index(this.industries, Industry::code, "industry");
	}

	/** The tables from the classpath, read once per class loader. */
	public static CodeTables load() {
		return Holder.INSTANCE;
	}

	// Lazy holder: the CSVs are read on first use, and class initialisation makes it thread-safe.
	private static final class Holder {
		static final CodeTables INSTANCE = loadFromClasspath();
	}

	static CodeTables loadFromClasspath() {
		List<Province> provinces = read("provinces.csv", 4,
				r -> new Province(r[0], r[1], r[2], r[3]));
		List<Field> fields = read("fields.csv", 4,
				r -> new Field(r[0], r[1], r[2], r[3].isEmpty() ? null : Integer.valueOf(r[3])));
		List<Industry> industries = read("industries.csv", 3,
				r -> new Industry(r[0], r[1], r[2]));
		return new CodeTables(provinces, fields, industries);
	}

	public List<Province> provinces() {
		return provinces;
	}

	/** Province by its two-digit GB/T 2260 code, e.g. {@code 61} for Shaanxi. */
	public Optional<Province> provinceByGb2260(String twoDigits) {
		return Optional.ofNullable(twoDigits).map(provincesByGb2260::get);
	}

	/** Province by its two-digit CMA authority code, e.g. {@code 27} for Shaanxi. */
	public Optional<Province> provinceByAuthority(String twoDigitCmaAuthorityCode) {
		return Optional.ofNullable(twoDigitCmaAuthorityCode).map(provincesByAuthority::get);
	}

	public List<Field> fields() {
		return fields;
	}

	public Optional<Field> field(String code) {
		return Optional.ofNullable(code).map(fieldsByCode::get);
	}

	public List<Industry> industries() {
		return industries;
	}

	public Optional<Industry> industry(String code) {
		return Optional.ofNullable(code).map(industriesByCode::get);
	}

	/** True for 00 (national) and for every province's authority code. */
	public boolean isKnownAuthority(String code) {
		return NATIONAL_AUTHORITY.equals(code) || provinceByAuthority(code).isPresent();
	}

	/** Chinese name of the issuing authority, e.g. 陕西省市场监督管理局 for 27. */
	public String authorityNameZh(String code) {
		if (NATIONAL_AUTHORITY.equals(code)) {
			return "国家市场监督管理总局";
		}
		return requireAuthority(code).nameZh() + "市场监督管理局";
	}

	/** English name of the issuing authority, e.g. "Shaanxi AMR" for 27. */
	public String authorityNameEn(String code) {
		if (NATIONAL_AUTHORITY.equals(code)) {
			return "SAMR (national)";
		}
		return requireAuthority(code).nameEn() + " AMR";
	}

	private Province requireAuthority(String code) {
		return provinceByAuthority(code)
				.orElseThrow(() -> new IllegalArgumentException("unknown CMA authority code: " + code));
	}

	private static <T> Map<String, T> index(List<T> rows, Function<T, String> key, String what) {
		Map<String, T> map = new LinkedHashMap<>();
		for (T row : rows) {
			if (map.putIfAbsent(key.apply(row), row) != null) {
				throw new IllegalStateException("duplicate " + what + " code " + key.apply(row));
			}
		}
		return Collections.unmodifiableMap(map);
	}

	private static <T> List<T> read(String file, int columns, Function<String[], T> mapper) {
		String path = BASE + file;
		InputStream in = CodeTables.class.getClassLoader().getResourceAsStream(path);
		if (in == null) {
			throw new IllegalStateException("code table not found on the classpath: " + path);
		}
		List<T> rows = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String header = reader.readLine();
			if (header == null) {
				throw new IllegalStateException("empty code table: " + path);
			}
			String line;
			int lineNo = 1;
			while ((line = reader.readLine()) != null) {
				lineNo++;
				if (line.isBlank()) {
					continue;
				}
				List<String> cells = splitCsvLine(line);
				if (cells.size() != columns) {
					throw new IllegalStateException(path + " line " + lineNo + ": expected " + columns
							+ " columns, got " + cells.size());
				}
				rows.add(mapper.apply(cells.toArray(String[]::new)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + path, e);
		}
		return rows;
	}

	/** Splits one CSV line; quotes are honoured so that a corrected name may contain a comma. */
	static List<String> splitCsvLine(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString().trim());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString().trim());
		return cells;
	}
}
