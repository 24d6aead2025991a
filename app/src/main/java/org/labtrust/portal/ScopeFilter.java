package org.labtrust.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.labtrust.registry.BodyDetail;
import org.labtrust.registry.ScopeRowView;
import org.labtrust.shared.DomainException;

/**
 * Narrows the scope tables of a body page to the rows that contain every word typed into the
 * filter box, in the object, parameter, method code or title, limitation or site. Spaces inside
 * a word and in the row are ignored and case does not matter, so {@code gb5009.12} finds
 * {@code GB 5009.12-2017}. The methods are public because the template calls them.
 */
record ScopeFilter(String text, List<String> words) {

	static final int MAX_LENGTH = 100;

	static final ScopeFilter NONE = new ScopeFilter(null, List.of());

	/** @throws DomainException {@code QUERY_TOO_LONG} past {@value #MAX_LENGTH} characters */
	static ScopeFilter parse(String raw) {
		if (raw == null || raw.isBlank()) {
			return NONE;
		}
		String text = raw.strip();
		if (text.length() > MAX_LENGTH) {
			throw DomainException.badRequest("QUERY_TOO_LONG", "scope is longer than " + MAX_LENGTH + " characters",
					MAX_LENGTH);
		}
		List<String> words = Arrays.stream(text.split("[\\s\u3000]+"))
			.filter(w -> !w.isEmpty())
			.map(w -> w.toLowerCase(Locale.ROOT))
			.toList();
		return new ScopeFilter(text, words);
	}

	public boolean isActive() {
		return !words.isEmpty();
	}

	public boolean matches(ScopeRowView row) {
		if (words.isEmpty()) {
			return true;
		}
		String haystack = Stream
			.of(row.objectName(), row.parameterName(), row.methodCode(), row.methodTitle(), row.limitation(),
					row.siteName())
			.filter(Objects::nonNull)
			.map(s -> s.replaceAll("[\\s\u3000]+", "").toLowerCase(Locale.ROOT))
			.reduce("", (a, b) -> a + "\n" + b);
		return words.stream().allMatch(haystack::contains);
	}

	/** Each certificate of the body with the rows this filter keeps, in the body's order. */
	List<CertificateScope> apply(List<BodyDetail.Certificate> certificates) {
		return certificates.stream()
			.map(c -> new CertificateScope(c, c.scope().stream().filter(this::matches).toList()))
			.toList();
	}

	/** A certificate and the scope rows shown for it. */
	record CertificateScope(BodyDetail.Certificate certificate, List<ScopeRowView> rows) {

		public int total() {
			return certificate.scope().size();
		}
	}
}
