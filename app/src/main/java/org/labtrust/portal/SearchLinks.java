package org.labtrust.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The parameters of the search page as the person sent them, and the links that change one of them
 * while keeping the others: a facet value toggles its filter, sorting and filtering go back to the
 * first page. Blank values count as absent. The methods are public because the template calls them.
 */
record SearchLinks(String q, String province, String field, String status, String authority, String sort,
		Integer page) {

	/** The filters, in the order the facets are shown. */
	static final List<String> FACETS = List.of("province", "field", "status", "authority");

	SearchLinks {
		q = blankToNull(q);
		province = blankToNull(province);
		field = blankToNull(field);
		status = blankToNull(status);
		authority = blankToNull(authority);
		sort = blankToNull(sort);
	}

	/** The value of one filter, or null. */
	public String filter(String facet) {
		return switch (facet) {
			case "province" -> province;
			case "field" -> field;
			case "status" -> status;
			case "authority" -> authority;
			default -> throw new IllegalArgumentException("no facet " + facet);
		};
	}

	public boolean isActive(String facet, String value) {
		return value != null && value.equalsIgnoreCase(Objects.requireNonNullElse(filter(facet), ""));
	}

	public boolean hasFilters() {
		return !activeFilters().isEmpty();
	}

	/** The facets that have a value, in facet order. */
	public List<String> activeFilters() {
		return FACETS.stream().filter(f -> filter(f) != null).toList();
	}

	/** Sets the filter to this value, or removes it when it already has it; back to page one. */
	public String toggle(String facet, String value) {
		return with(facet, isActive(facet, value) ? null : value).url();
	}

	/** Removes one filter; back to page one. */
	public String without(String facet) {
		return with(facet, null).url();
	}

	/** Keeps the text and the order, drops every filter. */
	public String withoutFilters() {
		return new SearchLinks(q, null, null, null, null, sort, null).url();
	}

	public String sortedBy(String order) {
		return new SearchLinks(q, province, field, status, authority, "relevance".equals(order) ? null : order, null)
			.url();
	}

	public boolean isSortedBy(String order) {
		return "relevance".equals(order) ? sort == null || "relevance".equalsIgnoreCase(sort)
				: order.equalsIgnoreCase(Objects.requireNonNullElse(sort, ""));
	}

	/** The same search on another (zero-based) page. */
	public String page(int zeroBased) {
		return new SearchLinks(q, province, field, status, authority, sort, zeroBased == 0 ? null : zeroBased).url();
	}

	/** The path and encoded query of this search. */
	public String url() {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("q", q);
		params.put("province", province);
		params.put("field", field);
		params.put("status", status);
		params.put("authority", authority);
		params.put("sort", sort);
		params.put("page", page);
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search");
		params.forEach((name, value) -> {
			if (value != null) {
				uri.queryParam(name, "{" + name + "}");
			}
		});
		return uri.encode().buildAndExpand(params).toUriString();
	}

	private SearchLinks with(String facet, String value) {
		return new SearchLinks(q, "province".equals(facet) ? value : province, "field".equals(facet) ? value : field,
				"status".equals(facet) ? value : status, "authority".equals(facet) ? value : authority, sort, null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
