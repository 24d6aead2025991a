package org.labtrust.registry;

import java.util.Locale;
import java.util.Optional;

import org.labtrust.shared.DomainException;

/**
 * A public registry search, already validated: free text (Simplified or Traditional Chinese, may
 * contain standard codes, credit codes or certificate numbers), filters, sort and page.
 *
 * @param page zero-based
 */
public record BodySearchQuery(Optional<String> text, Optional<String> province, Optional<String> field,
		Optional<CertificateStatus> status, Optional<String> authority, Optional<CreditCode> creditCode,
		Sort sort, int page, int size) {

	public static final int MAX_SIZE = 100;

	public static final int DEFAULT_SIZE = 20;

	/** Deepest result reachable by paging; past it, narrow the search instead. */
	public static final int MAX_WINDOW = 10_000;

	public static final int MAX_TEXT_LENGTH = 200;

	/**
	 * Validates raw request parameters (any may be null or blank) into a query.
	 *
	 * @throws DomainException {@code PAGE_INVALID}, {@code FILTER_INVALID}, {@code QUERY_TOO_LONG} or
	 *         {@code CREDIT_CODE_INVALID}, naming the parameter at fault
	 */
	public static BodySearchQuery parse(String text, String province, String field, String status, String authority,
			String creditCode, String sort, String page, String size, CodeTables codes) {
		Optional<String> q = present(text);
		if (q.isPresent() && q.get().length() > MAX_TEXT_LENGTH) {
			throw DomainException.badRequest("QUERY_TOO_LONG", "q is longer than " + MAX_TEXT_LENGTH + " characters",
					MAX_TEXT_LENGTH);
		}
		Optional<String> p = present(province);
		p.ifPresent(v -> codes.provinceByGb2260(v).orElseThrow(() -> filter("province", v)));
		Optional<String> f = present(field);
		f.ifPresent(v -> codes.field(v).orElseThrow(() -> filter("field", v)));
		Optional<CertificateStatus> st = present(status).map(v -> {
			try {
				return CertificateStatus.valueOf(v.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw filter("status", v);
			}
		});
		Optional<String> a = present(authority);
		a.ifPresent(v -> {
			if (!codes.isKnownAuthority(v)) {
				throw filter("authority", v);
			}
		});
		Optional<CreditCode> c = present(creditCode).map(CreditCode::parse);
		Sort order = present(sort).map(v -> {
			try {
				return Sort.valueOf(v.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw filter("sort", v);
			}
		}).orElse(Sort.RELEVANCE);
		int pageNumber = number("page", page, 0);
		int pageSize = number("size", size, DEFAULT_SIZE);
		if (pageSize < 1 || pageSize > MAX_SIZE) {
			throw DomainException.badRequest("PAGE_INVALID", "size must be between 1 and " + MAX_SIZE, "size",
					size);
		}
		if (pageNumber < 0 || (long) (pageNumber + 1) * pageSize > MAX_WINDOW) {
			throw DomainException.badRequest("PAGE_INVALID",
					"page must be between 0 and " + (MAX_WINDOW / pageSize - 1) + " for size " + pageSize, "page",
					page);
		}
		return new BodySearchQuery(q, p, f, st, a, c, order, pageNumber, pageSize);
	}

	private static Optional<String> present(String value) {
		return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
	}

	private static int number(String name, String value, int fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException e) {
			throw DomainException.badRequest("PAGE_INVALID", name + " must be a whole number", name, value);
		}
	}

	private static DomainException filter(String name, String value) {
		return DomainException.badRequest("FILTER_INVALID", "Unknown " + name + " '" + value + "'", name, value);
	}

	/** Result order: by relevance to the text (the default), or by body name. */
	public enum Sort {
		RELEVANCE, NAME
	}
}
