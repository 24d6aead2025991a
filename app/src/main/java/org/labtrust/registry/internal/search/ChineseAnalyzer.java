package org.labtrust.registry.internal.search;

import java.io.Reader;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;

/**
 * smartcn word segmentation over text first folded to Simplified Chinese. The folding must happen
 * before segmentation: smartcn's dictionary is Simplified, and Traditional text segments badly.
 */
public final class ChineseAnalyzer extends AnalyzerWrapper {

	private final Analyzer segmenter = new SmartChineseAnalyzer();

	public ChineseAnalyzer() {
		super(Analyzer.GLOBAL_REUSE_STRATEGY);
	}

	@Override
	protected Analyzer getWrappedAnalyzer(String fieldName) {
		return segmenter;
	}

	@Override
	protected Reader wrapReader(String fieldName, Reader reader) {
		return new SimplifiedChineseCharFilter(reader);
	}

	@Override
	protected Reader wrapReaderForNormalization(String fieldName, Reader reader) {
		return new SimplifiedChineseCharFilter(reader);
	}
}
