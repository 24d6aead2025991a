package org.labtrust.registry.internal.search;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.CharFilter;

/**
 * Converts Traditional Chinese to Simplified (ICU's Traditional-Simplified transform) and folds
 * width and case (NFKC casefold), so that 國家檢驗 and 国家检验, or ＧＢ and gb, index alike.
 * Registry fields are short, so the whole input is read at once.
 */
public final class SimplifiedChineseCharFilter extends CharFilter {

	private static final ThreadLocal<Transliterator> TO_SIMPLIFIED =
			ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

	private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();


	private StringReader converted;

	public SimplifiedChineseCharFilter(Reader input) {
		super(input);
	}

	/** Simplified, width- and case-folded form of {@code text}; also used on query strings. */
	public static String fold(String text) {
		return FOLD.normalize(TO_SIMPLIFIED.get().transliterate(text));
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (converted == null) {
			StringBuilder all = new StringBuilder();
			char[] chunk = new char[1024];
			int n;
			while ((n = input.read(chunk)) != -1) {
				all.append(chunk, 0, n);
			}
			converted = new StringReader(fold(all.toString()));
		}
		return converted.read(buffer, offset, length);
	}

	@Override
	protected int correct(int currentOff) {
		// Conversion is almost always one character for one; offsets are only used for
		// highlighting, which the registry does not do.
		return currentOff;
	}
}
