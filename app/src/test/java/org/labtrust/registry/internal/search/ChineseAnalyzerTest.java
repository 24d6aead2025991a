package org.labtrust.registry.internal.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseAnalyzerTest {

	private static List<String> tokens(String text) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (ChineseAnalyzer analyzer = new ChineseAnalyzer(); TokenStream stream = analyzer.tokenStream("f", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		return tokens;
	}

	@Test
	void traditionalTextGivesTheSameTokensAsSimplified() throws IOException {
		assertThat(tokens("國家食品質量監督檢驗中心")).isEqualTo(tokens("国家食品质量监督检验中心")).isNotEmpty();
	}

	@Test
	void wordsAreSegmentedNotSplitIntoCharacters() throws IOException {
		assertThat(tokens("生活饮用水标准检验方法")).contains("生活", "饮用水", "标准", "检验", "方法");
	}

	@Test
	void fullWidthAndUpperCaseLatinAreFolded() throws IOException {
		assertThat(tokens("ＧＢ")).isEqualTo(tokens("gb")).containsExactly("gb");
	}
}
