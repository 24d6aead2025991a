package org.labtrust.registry.internal.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labtrust.registry.StandardCode;

/**
 * The real test-method standards bundled for demo data (391 rows, 87 of them superseded
 * editions), grouped into families of editions so that a generated scope can lag behind.
 */
final class StandardsCatalogue {

	record Standard(StandardCode code, String titleZh, String fieldCode, List<String> objects,
			List<String> parameters, String replacedBy) {

		boolean superseded() {
			return !replacedBy.isEmpty();
		}
	}

	/** Editions of one standard, newest first. */
	record Family(List<Standard> editions) {
	}

	private final Map<String, List<Family>> familiesByField;

	private StandardsCatalogue(Map<String, List<Family>> familiesByField) {
		this.familiesByField = familiesByField;
	}

	static StandardsCatalogue load() {
		List<Standard> all = new ArrayList<>();
		try (InputStream in = StandardsCatalogue.class.getResourceAsStream("/registry/demo/standards.csv");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				List<String> f = Csv.split(line);
				all.add(new Standard(StandardCode.parse(f.get(0)), f.get(4), f.get(6), split(f.get(7)),
						split(f.get(8)), f.get(9)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		// A family follows replaced_by links back from its newest edition.
		Map<String, Standard> byCode = new LinkedHashMap<>();
		all.forEach(s -> byCode.put(s.code().code(), s));
		Map<String, List<Standard>> families = new LinkedHashMap<>();
		for (Standard s : all) {
			Standard newest = s;
			int guard = 0;
			while (newest.superseded() && byCode.containsKey(newest.replacedBy()) && guard++ < 10) {
				newest = byCode.get(newest.replacedBy());
			}
			families.computeIfAbsent(newest.code().code(), k -> new ArrayList<>()).add(s);
		}
		Map<String, List<Family>> byField = new LinkedHashMap<>();
		families.values().forEach(editions -> {
			editions.sort(Comparator.comparingInt((Standard s) -> s.code().year()).reversed());
			byField.computeIfAbsent(editions.get(0).fieldCode(), k -> new ArrayList<>()).add(new Family(List.copyOf(editions)));
		});
		return new StandardsCatalogue(byField);
	}

	/** Families usable by a body licensed in {@code fieldCode}, with neighbouring fields that share methods. */
	List<Family> familiesFor(String fieldCode) {
		List<Family> result = new ArrayList<>(familiesByField.getOrDefault(fieldCode, List.of()));
		for (String related : RELATED.getOrDefault(fieldCode, List.of())) {
			result.addAll(familiesByField.getOrDefault(related, List.of()));
		}
		return result;
	}

	/** Fields that have standards in the catalogue (the generator licenses bodies only in those). */
	List<String> coveredFields() {
		return List.copyOf(familiesByField.keySet());
	}

	private static final Map<String, List<String>> RELATED = Map.of("12", List.of("13"), "13", List.of("12"), "01",
			List.of("02"), "02", List.of("01"), "05", List.of("21"), "03", List.of("00", "13"), "04", List.of("00"));

	private static List<String> split(String list) {
		return list.isBlank() ? List.of() : Arrays.stream(list.split(";")).map(String::strip).toList();
	}
}
