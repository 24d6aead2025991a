package org.labtrust.registry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexedEmbedded;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.registry.internal.search.ChineseAnalysisConfigurer;

/**
 * An inspection and testing body (检验检测机构): a legal entity identified by its unified social
 * credit code, with one or more testing sites and the certificates it holds. It is the document
 * of the public search index: one hit per body, carrying the text of its valid capability scope.
 */
@Entity
@Table(name = "body")
@Indexed(index = "body")
public class Body {

	/** Name of the combined facet field. */
	public static final String FACETS = "facets";

	/** The facets of the registry search and how their values are written in the {@link #FACETS} field. */
	public enum FacetValue {
		PROVINCE("province"), FIELD("field"), STATUS("status"), AUTHORITY("authority");

		private final String key;

		FacetValue(String key) {
			this.key = key;
		}

		public String key() {
			return key;
		}

		public String of(String value) {
			return key + ':' + value;
		}
	}

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "body_seq")
	@SequenceGenerator(name = "body_seq", sequenceName = "body_seq", allocationSize = 50)
	private Long id;

	@FullTextField(analyzer = ChineseAnalysisConfigurer.CHINESE, projectable = Projectable.YES)
	@KeywordField(name = "nameSort", normalizer = ChineseAnalysisConfigurer.SORT, sortable = Sortable.YES)
	private String name;

	@KeywordField(normalizer = ChineseAnalysisConfigurer.CODE, projectable = Projectable.YES)
	private String creditCode;

	private String legalForm;

	private String legalRepresentative;

	private String divisionCode;

	@KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
	private String provinceCode;

	private String address;

	private Instant createdAt;

	@Version
	private long version;

	@OneToMany(mappedBy = "body", cascade = CascadeType.ALL)
	@OrderBy("id")
	private List<Site> sites = new ArrayList<>();

	@OneToMany(mappedBy = "body", cascade = CascadeType.ALL)
	@OrderBy("id")
	@IndexedEmbedded(includePaths = "number")
	private List<Certificate> certificates = new ArrayList<>();

	protected Body() {
	}

	public Long getId() {
		return id;
	}

	/**
	 * The body's name and the distinct words of its valid capability scope (objects, parameters,
	 * method titles and codes) as one text field, so that a query like 大米 铅 matches a body whose
	 * scope has both. Derived, so it is re-indexed when registry events say so.
	 */
	@Transient
	@FullTextField(analyzer = ChineseAnalysisConfigurer.CHINESE)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getSearchText() {
		Set<String> words = new LinkedHashSet<>();
		words.add(name);
		for (Certificate certificate : certificates) {
			for (ScopeRow row : certificate.getScope()) {
				if (row.getStatus() == ScopeStatus.VALID) {
					words.add(row.getObjectName());
					words.add(row.getParameterName());
					words.add(row.getMethodTitle());
					words.add(row.getMethodCode());
				}
			}
		}
		return String.join("\n", words);
	}

	/**
	 * Every facet value of the body in one multi-valued field ({@code province:44},
	 * {@code field:00}, {@code status:VALID}, {@code authority:19}), so that one terms
	 * aggregation counts all facets: a quarter of the per-hit work of four aggregations.
	 */
	@Transient
	@KeywordField(name = FACETS, aggregable = Aggregable.YES)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public Set<String> getFacetValues() {
		Set<String> values = new LinkedHashSet<>();
		values.add(FacetValue.PROVINCE.of(provinceCode));
		for (Certificate certificate : certificates) {
			values.add(FacetValue.FIELD.of(certificate.getFieldCode()));
			values.add(FacetValue.STATUS.of(certificate.getStatus().name()));
			values.add(FacetValue.AUTHORITY.of(certificate.getAuthorityCode()));
		}
		return values;
	}

	/** Exact standard codes of the valid scope, for "which bodies may test under GB 5009.12-2017". */
	@Transient
	@KeywordField(normalizer = ChineseAnalysisConfigurer.CODE)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public Set<String> getMethodCodes() {
		Set<String> codes = new LinkedHashSet<>();
		for (Certificate certificate : certificates) {
			for (ScopeRow row : certificate.getScope()) {
				if (row.getStatus() == ScopeStatus.VALID) {
					codes.add(row.getMethodCode());
				}
			}
		}
		return codes;
	}
}
