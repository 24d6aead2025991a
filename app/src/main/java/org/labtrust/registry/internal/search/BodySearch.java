package org.labtrust.registry.internal.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.SimpleBooleanPredicateClausesCollector;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.labtrust.registry.BodySearchQuery;
import org.labtrust.registry.BodySearchResult;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.RegistryQueries;
import org.labtrust.registry.internal.Body;
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

	static final String PROVINCE = "province";

	static final String FIELD = "field";

	static final String STATUS = "status";

	static final String AUTHORITY = "authority";

	private static final AggregationKey<Map<String, Long>> PROVINCE_KEY = AggregationKey.of(PROVINCE);

	private static final AggregationKey<Map<String, Long>> FIELD_KEY = AggregationKey.of(FIELD);

	private static final AggregationKey<Map<CertificateStatus, Long>> STATUS_KEY = AggregationKey.of(STATUS);

	private static final AggregationKey<Map<String, Long>> AUTHORITY_KEY = AggregationKey.of(AUTHORITY);

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
				root.add(f.matchAll());
				addText(f, root, text);
				query.province().ifPresent(p -> root.add(f.match().field("provinceCode").matching(p)));
				query.field().ifPresent(v -> root.add(f.match().field("certificates.fieldCode").matching(v)));
				query.status().ifPresent(s -> root.add(f.match().field("certificates.status").matching(s)));
				query.authority().ifPresent(a -> root.add(f.match().field("certificates.authorityCode").matching(a)));
				query.creditCode().ifPresent(c -> root.add(f.match().field("creditCode").matching(c.value())));
			})
			.sort(f -> query.sort() == BodySearchQuery.Sort.NAME || text.isEmpty()
					? f.field("nameSort")
					: f.score().then().field("nameSort"))
			.aggregation(PROVINCE_KEY, f -> f.terms().field("provinceCode", String.class).maxTermCount(64))
			.aggregation(FIELD_KEY, f -> f.terms().field("certificates.fieldCode", String.class).maxTermCount(64))
			.aggregation(STATUS_KEY, f -> f.terms().field("certificates.status", CertificateStatus.class).maxTermCount(16))
			.aggregation(AUTHORITY_KEY,
					f -> f.terms().field("certificates.authorityCode", String.class).maxTermCount(64))
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

		CodeTables codes = queries.codes();
		Map<String, List<BodySearchResult.FacetValue>> facets = new LinkedHashMap<>();
		facets.put(PROVINCE, facet(result.aggregation(PROVINCE_KEY), v -> queries.provinceName(v, zh)));
		facets.put(FIELD, facet(result.aggregation(FIELD_KEY),
				v -> codes.field(v).map(x -> zh ? x.nameZh() : x.nameEn()).orElse(v)));
		Map<String, Long> statusCounts = new LinkedHashMap<>();
		result.aggregation(STATUS_KEY).forEach((s, n) -> statusCounts.put(s.name(), n));
		facets.put(STATUS, facet(statusCounts, v -> {
			CertificateStatus s = CertificateStatus.valueOf(v);
			return zh ? s.labelZh() : s.labelEn();
		}));
		facets.put(AUTHORITY, facet(result.aggregation(AUTHORITY_KEY), v -> queries.authorityName(v, zh)));
		return new BodySearchResult(items, result.total().hitCount(), query.page(), query.size(), facets);
	}

	/** Number of bodies in the index, to tell whether it must be rebuilt. */
	@Transactional(readOnly = true)
	public long indexedBodies() {
		return Search.session(entityManager).search(Body.class).where(f -> f.matchAll()).fetchTotalHitCount();
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

	private static List<BodySearchResult.FacetValue> facet(Map<String, Long> counts, Function<String, String> label) {
		List<BodySearchResult.FacetValue> values = new ArrayList<>();
		counts.forEach((value, count) -> values.add(new BodySearchResult.FacetValue(value, label.apply(value), count)));
		values.sort(Comparator.comparingLong(BodySearchResult.FacetValue::count).reversed()
			.thenComparing(BodySearchResult.FacetValue::value));
		return values;
	}
}
