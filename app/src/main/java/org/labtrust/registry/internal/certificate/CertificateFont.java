package org.labtrust.registry.internal.certificate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * The CJK font the certificate PDF is set in, embedded as a subset (only the glyphs used). Noto
 * Sans CJK (Debian's fonts-noto-cjk) by default: its CFF outlines go in as a CIDFontType0C subset
 * ({@code FontFile3}). TrueType fonts (WenQuanYi Zen Hei, AR PL UMing) work too and go in as
 * {@code FontFile2}. In a font collection (.ttc) the Simplified Chinese face is taken unless the
 * path names one with {@code ,N}.
 */
public final class CertificateFont {

	/** Where Debian's packages put usable fonts, in order of preference. */
	static final List<String> DEBIAN_FONTS = List.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
			"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
			"/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/arphic/uming.ttc");

	private static final Pattern FACE = Pattern.compile("(.*),(\\d+)");

	private final BaseFont font;

	private final String description;

	private CertificateFont(BaseFont font, String description) {
		this.font = font;
		this.description = description;
	}

	/**
	 * The configured font, or else the first of {@link #DEBIAN_FONTS} that exists.
	 *
	 * @throws IllegalStateException when a configured font cannot be read, saying what to install or set
	 */
	public static Optional<CertificateFont> locate(String configured) {
		if (configured != null && !configured.isBlank()) {
			return Optional.of(load(configured.strip()));
		}
		return DEBIAN_FONTS.stream().filter(path -> Files.isReadable(Path.of(path))).findFirst().map(CertificateFont::load);
	}

	/** A font file, {@code path} or {@code path,N} for face N of a collection. */
	public static CertificateFont load(String spec) {
		Matcher face = FACE.matcher(spec);
		String path = face.matches() ? face.group(1) : spec;
		if (!Files.isReadable(Path.of(path))) {
			throw new IllegalStateException("The certificate font " + path
					+ " (labtrust.registry.certificate.font) cannot be read; install Debian's fonts-noto-cjk or set the"
					+ " property to a CJK TrueType or OpenType font");
		}
		try {
			String name = path;
			if (path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
				name = path + "," + (face.matches() ? face.group(2) : simplifiedChineseFace(path));
			}
			BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			font.setSubset(true);
			if (!font.charExists('证') || !font.charExists('A')) {
				throw new IllegalStateException("The certificate font " + name + " has no Chinese glyphs");
			}
			return new CertificateFont(font, name + " (" + font.getPostscriptFontName() + ")");
		}
		catch (IOException | DocumentException e) {
			throw new IllegalStateException("The certificate font " + spec + " cannot be used: " + e.getMessage(), e);
		}
	}

	private static int simplifiedChineseFace(String collection) throws IOException, DocumentException {
		String[] names = BaseFont.enumerateTTCNames(collection);
		for (int i = 0; i < names.length; i++) {
			String n = names[i].toLowerCase(Locale.ROOT);
			if (n.contains("cjksc") || n.endsWith("sc-regular") || n.contains(" sc")) {
				return i;
			}
		}
		return 0;
	}

	BaseFont baseFont() {
		return font;
	}

	/** The first character of {@code text} the font has no glyph for, if any (never drawn as a blank box). */
	Optional<String> missingGlyph(String text) {
		return text.codePoints()
			.filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp) && !font.charExists(cp))
			.mapToObj(Character::toString)
			.findFirst();
	}

	@Override
	public String toString() {
		return description;
	}
}
