package org.labtrust.registry.internal.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.labtrust.registry.CertificateDetail;
import org.labtrust.registry.CertificateStatus;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.ScopeRowView;
import org.labtrust.registry.ScopeStatus;
import org.labtrust.shared.ChinaTime;

/**
 * The PDF renderer on its own, with the font CI installs (fonts-noto-cjk): a 300-row scope fills
 * several annex pages with every row, and a character the font lacks stops the rendering instead
 * of leaving a blank. (Its speed is measured in bench/certificates, not here.)
 */
class CertificatePdfTest {

	private final CertificateFont font = CertificateFont.locate(null)
		.orElseThrow(() -> new AssertionError("no CJK font: install fonts-noto-cjk (.ci/run does)"));

	private final CertificatePdf renderer = new CertificatePdf(font, CodeTables.load(), "https://labtrust.example/",
			ChinaTime.ZONE);

	private final CertificateSigner signer = new CertificateSigner(CertificateKey.generate(),
			Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC));

	private static CertificateDetail certificate(int rows, String objectName) {
		List<ScopeRowView> scope = new ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			scope.add(new ScopeRowView(i, i, "00", i == rows ? objectName : "食品" + (i % 7),
					"参数" + String.format("%04d", i), "GB 5009." + i + "-2017", "食品安全国家标准 食品中铅的测定 第" + i + "法",
					i % 5 == 0 ? "只做第一法" : null, null, null, i % 11 == 0 ? ScopeStatus.SUSPENDED : ScopeStatus.VALID));
		}
		return new CertificateDetail("212800090002", "21 28 00 09 0002", CertificateStatus.VALID, LocalDate.of(2021, 4, 28),
				LocalDate.of(2027, 4, 27), "28", "甘肃省市场监督管理局", "00", "食品", "09", "农业",
				new CertificateDetail.Holder(1, "兰州市食品检验所", "126201006087957611", "62", "甘肃省兰州市城关区雁南路 1 号"),
				List.of(), scope, List.of());
	}

	@Test
	void aThreeHundredRowScopeFillsTheAnnexWithEveryRow() throws Exception {
		byte[] pdf = renderer.render(signer.sign(certificate(300, "大米")));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(3);
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			for (int i = 1; i <= 300; i++) {
				assertThat(text).contains("参数" + String.format("%04d", i));
			}
			assertThat(text).contains("兰州市食品检验所", "212800090002", "2128000900", "https://labtrust.example/certificates/212800090002");
		}
	}

	@Test
	void renderingsInParallelShareTheFontAndEachGetsItsOwnCompleteSubset() throws Exception {
		List<java.util.concurrent.Callable<String>> jobs = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String object = List.of("大米", "小麦粉", "酱油", "茶叶", "蜂蜜", "牛奶", "鸡蛋", "豆腐").get(i);
			jobs.add(() -> {
				try (PDDocument document = Loader.loadPDF(renderer.render(signer.sign(certificate(40, object))))) {
					return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
				}
			});
		}
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			List<java.util.concurrent.Future<String>> texts = pool.invokeAll(jobs);
			List<String> objects = List.of("大米", "小麦粉", "酱油", "茶叶", "蜂蜜", "牛奶", "鸡蛋", "豆腐");
			for (int i = 0; i < texts.size(); i++) {
				assertThat(texts.get(i).get()).contains("检验检测机构资质认定证书", "兰州市食品检验所", objects.get(i));
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aCharacterTheFontLacksStopsTheRenderingInsteadOfPrintingABlank() {
		// EGYPTIAN HIEROGLYPH A001: in no CJK font
		CertificateSigner.SignedCertificate signed = signer.sign(certificate(3, "\uD80C\uDC00"));
		assertThatThrownBy(() -> renderer.render(signed)).isInstanceOf(CertificatePdf.GlyphMissingException.class)
			.hasMessageContaining("U+13000");
	}

	@Test
	void aConfiguredFontThatCannotBeReadStopsStartUpWithWhatToDo() {
		assertThatThrownBy(() -> CertificateFont.locate("/nonexistent/font.ttc")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("fonts-noto-cjk")
			.hasMessageContaining("labtrust.registry.certificate.font");
	}
}
