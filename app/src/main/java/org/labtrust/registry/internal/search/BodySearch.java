package org.labtrust.registry.internal.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleBooleanPredicateClausesCollector;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.labtrust.registry.BodySearchQuery;
import org.labtrust.registry.BodySearchResult;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.internal.Body;
import org.labtrust.registry.internal.Body.FacetValue;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public search over the body index. Free text is split by {@link SearchText} into exact codes
 * (standard, credit code, certificate number), which must match exactly, and words, which must
 * all occur in the body's name or valid scope. Facet counts cover the whole filtered result.
 */
@Component
public class BodySearch {

	/** Every facet value of the registry is one of a few hundred (31 provinces, 22 fields, ...). */
	private static final int MAX_FACET_VALUES = 500;

	private static final AggregationKey<Map<String, Long>> FACETS = AggregationKey.of(Body.FACETS);

	private final EntityManager entityManager;

	private final RegistryQueries queries;

	BodySearch(EntityManager entityManager, @Lazy RegistryQueries queries) {
		this.entityManager = entityManager;
		this.queries = queries;
	}

	private record Hit(long id, String name, String creditCode, String provinceCode) {
	}

	@Transactional(readOnly = true)
	public BodySearchResult search(BodySearchQuery query, Locale locale) {
		SearchText text = SearchText.parse(query.text().orElse(""));
		SearchResult<Hit> result = Search.session(entityManager)
			.search(Body.class)
			.select(f -> f.composite()
				.from(f.id(Long.class), f.field("name", String.class), f.field("creditCode", String.class),
						f.field("provinceCode", String.class))
				.asArray(v -> new Hit((Long) v[0], (String) v[1], (String) v[2], (String) v[3])))
			.where((f, root) -> {
				addText(f, root, text);
				query.province().ifPresent(v -> root.add(facet(f, FacetValue.PROVINCE, v)));
				query.field().ifPresent(v -> root.add(facet(f, FacetValue.FIELD, v)));
				query.status().ifPresent(v -> root.add(facet(f, FacetValue.STATUS, v.name())));
				query.authority().ifPresent(v -> root.add(facet(f, FacetValue.AUTHORITY, v)));
				query.creditCode().ifPresent(c -> root.add(f.match().field("creditCode").matching(c.value())));
				if (!root.hasClause()) {
					root.add(f.matchAll());
				}
			})
			.sort(f -> query.sort() == BodySearchQuery.Sort.NAME || text.isEmpty() ? f.field("nameSort")
					: f.score().then().field("nameSort"))
			.aggregation(FACETS, f -> f.terms().field(Body.FACETS, String.class).maxTermCount(MAX_FACET_VALUES))
			.fetch(query.page() * query.size(), query.size());

		List<Long> ids = result.hits().stream().map(Hit::id).toList();
		var certificates = queries.certificateSummaries(ids);
		boolean zh = RegistryQueries.isChinese(locale);
		List<BodySearchResult.Item> items = result.hits()
			.stream()
			.map(h -> new BodySearchResult.Item(h.id(), h.name(), h.creditCode(),
					new BodySearchResult.Province(h.provinceCode(), queries.provinceName(h.provinceCode(), zh)),
					certificates.getOrDefault(h.id(), List.of())))
			.toList();
		return new BodySearchResult(items, result.total().hitCount(), query.page(), query.size(),
				facets(result.aggregation(FACETS), zh));
	}

	/** Number of bodies in the index, to tell whether it must be rebuilt. */
	@Transactional(readOnly = true)
	public long indexedBodies() {
		return Search.session(entityManager).search(Body.class).where(f -> f.matchAll()).fetchTotalHitCount();
	}

	private static PredicateFinalStep facet(SearchPredicateFactory f,
			FacetValue facet, String value) {
		return f.match().field(Body.FACETS).matching(facet.of(value));
	}

	private static void addText(SearchPredicateFactory f, SimpleBooleanPredicateClausesCollector<?, ?> root,
			SearchText text) {
		text.standardCodes().forEach(code -> root.add(f.match().field("methodCodes").matching(code)));
		text.creditCodes().forEach(code -> root.add(f.match().field("creditCode").matching(code)));
		text.certificateNumbers().forEach(n -> root.add(f.match().field("certificates.number").matching(n)));
		if (!text.words().isBlank()) {
			root.add(f.bool()
				.must(f.simpleQueryString()
					.field("searchText")
					.matching(text.words())
					.defaultOperator(BooleanOperator.AND))
				.should(f.match().field("name").matching(text.words()).boost(4.0f)));
		}
	}

	/** Splits the combined facet counts ({@code province:44} -> 1234) into labelled facets. */
	private Map<String, List<BodySearchResult.FacetValue>> facets(Map<String, Long> counts, boolean zh) {
		CodeTables codes = queries.codes();
		Map<FacetValue, Function<String, String>> labels = new EnumMap<>(FacetValue.class);
		labels.put(FacetValue.PROVINCE, v -> queries.provinceName(v, zh));
		labels.put(FacetValue.FIELD, v -> codes.field(v).map(x -> zh ? x.nameZh() : x.nameEn()).orElse(v));
		labels.put(FacetValue.STATUS, v -> {
			CertificateStatus s = CertificateStatus.valueOf(v);
			return zh ? s.labelZh() : s.labelEn();
		});
		labels.put(FacetValue.AUTHORITY, v -> queries.authorityName(v, zh));

		Map<String, List<BodySearchResult.FacetValue>> facets = new LinkedHashMap<>();
		for (FacetValue facet : FacetValue.values()) {
			facets.put(facet.key(), new ArrayList<>());
		}
		counts.forEach((combined, count) -> {
			int colon = combined.indexOf(':');
			FacetValue facet = FacetValue.valueOf(combined.substring(0, colon).toUpperCase(Locale.ROOT));
			String value = combined.substring(colon + 1);
			facets.get(facet.key()).add(new BodySearchResult.FacetValue(value, labels.get(facet).apply(value), count));
		});
		facets.values()
			.forEach(values -> values.sort(Comparator.comparingLong(BodySearchResult.FacetValue::count)
				.reversed()
				.thenComparing(BodySearchResult.FacetValue::value)));
		return facets;
	}
}
