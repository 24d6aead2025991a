package org.labtrust.registry.internal.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.icu.ICUNormalizer2FilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Analysis for the registry index: Chinese full text (smartcn segmentation after Traditional to
 * Simplified conversion, so 國家 finds 国家), a sort normalizer, and a code normalizer that makes
 * {@code gb5009.12-2017} and {@code GB 5009.12-2017} the same exact term.
 */
public class ChineseAnalysisConfigurer implements LuceneAnalysisConfigurer {

	public static final String CHINESE = "chinese";

	public static final String SORT = "sort";

	public static final String CODE = "code";

	@Override
	public void configure(LuceneAnalysisConfigurationContext context) {
		context.analyzer(CHINESE).instance(new ChineseAnalyzer());
		context.normalizer(SORT).custom().tokenFilter(LowerCaseFilterFactory.class);
		context.normalizer(CODE).custom()
			.charFilter(PatternReplaceCharFilterFactory.class)
			.param("pattern", "[\\s\\u3000]+")
			.param("replacement", "")
			.tokenFilter(ICUNormalizer2FilterFactory.class)
			.param("name", "nfkc_cf");
	}
}
