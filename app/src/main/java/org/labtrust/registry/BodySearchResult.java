package org.labtrust.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** One page of registry search hits with facet counts over the whole result set. */
public record BodySearchResult(List<Item> items, long total, int page, int size, Map<String, List<FacetValue>> facets) {

	/** A body in a result list, with the certificates it holds. */
	public record Item(long id, String name, String creditCode, Province province, List<CertificateSummary> certificates) {
	}

	public record Province(String code, String name) {
	}

	public record CertificateSummary(String number, CertificateStatus status, LocalDate validUntil, String fieldCode,
			String authorityCode) {
	}

	/** A facet value: the filter value to send back, its label in the user's language and its count. */
	public record FacetValue(String value, String label, long count) {
	}
}
