package org.labtrust.registry.internal.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfFileSpecification;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.labtrust.registry.CertificateDetail;
import org.labtrust.registry.CodeTables;
import org.labtrust.registry.ScopeRowView;
import org.labtrust.registry.internal.certificate.CertificateSigner.SignedCertificate;

/**
 * The electronic certificate as a PDF (A4): the certificate in Chinese with English beside it, a
 * QR code to the public certificate page, the signature's key, time and value with how to verify
 * it, and the full capability scope as an annex table over as many pages as it needs. The signed
 * JWS itself travels inside the PDF as an attached file, so the PDF alone can be verified offline.
 * Every character must have a glyph in the embedded font; one that has none stops the rendering
 * rather than printing a blank.
 */
public final class CertificatePdf {

	/** Name of the attached JWS inside the PDF. */
	public static final String ATTACHMENT = "certificate.jws";

	private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter SIGNED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC+8'");

	private static final Color INK = new Color(0x1a, 0x1a, 0x1a);

	private static final Color MUTED = new Color(0x55, 0x5b, 0x63);

	private static final Color RULE = new Color(0xb8, 0x1d, 0x24);

	private static final Color SHADE = new Color(0xf2, 0xf3, 0xf5);

	private final CertificateFont font;

	private final CodeTables codes;

	private final String publicUrl;

	private final ZoneId zone;

	/**
	 * @param publicUrl the platform's public address without trailing slash, e.g.
	 * {@code https://labtrust.samr.gov.cn}
	 */
	public CertificatePdf(CertificateFont font, CodeTables codes, String publicUrl, ZoneId zone) {
		this.font = font;
		this.codes = codes;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.zone = zone;
	}

	/** The certificate page's address, as the QR code holds it. */
	public String pageUrl(String number) {
		return publicUrl + "/certificates/" + number;
	}

	/**
	 * @throws GlyphMissingException when some text has no glyph in the font
	 */
	public byte[] render(SignedCertificate signed) {
		CertificateDetail c = signed.certificate();
		checkGlyphs(c);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		Document document = new Document(PageSize.A4, 56, 56, 60, 60);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setPdfVersion(PdfWriter.PDF_VERSION_1_7);
			writer.setFullCompression();
			writer.setPageEvent(new Footer(c.formattedNumber()));
			document.addTitle("检验检测机构资质认定证书 " + c.number());
			document.addSubject("CMA certificate " + c.number() + " — " + c.body().name());
			document.addCreator("labtrust");
			document.open();
			certificatePage(document, writer, signed);
			document.newPage();
			annex(document, c);
			writer.addFileAttachment("JWS (RFC 7515) of certificate " + c.number(),
					PdfFileSpecification.fileEmbedded(writer, null, ATTACHMENT,
							signed.jws().getBytes(StandardCharsets.US_ASCII)));
			// The font file is shared by all renderings and read again while writing the subset.
			synchronized (font) {
				document.close();
			}
		}
		catch (DocumentException | IOException e) {
			throw new IllegalStateException("could not render the certificate PDF of " + c.number(), e);
		}
		return out.toByteArray();
	}

	private void certificatePage(Document document, PdfWriter writer, SignedCertificate signed)
			throws DocumentException {
		CertificateDetail c = signed.certificate();
		Paragraph title = new Paragraph("检验检测机构资质认定证书", font(24, INK));
		title.setAlignment(Element.ALIGN_CENTER);
		document.add(title);
		Paragraph subtitle = new Paragraph("Certificate of Accreditation of Inspection and Testing Bodies (CMA)",
				font(11, MUTED));
		subtitle.setAlignment(Element.ALIGN_CENTER);
		subtitle.setSpacingAfter(4);
		document.add(subtitle);
		Paragraph number = new Paragraph("证书编号 Certificate No.  " + c.formattedNumber(), font(12, RULE));
		number.setAlignment(Element.ALIGN_CENTER);
		number.setSpacingAfter(14);
		document.add(number);

		PdfPTable facts = new PdfPTable(new float[] { 30, 70 });
		facts.setWidthPercentage(100);
		String fieldEn = codes.field(c.fieldCode()).map(CodeTables.Field::nameEn).orElse(c.fieldCode());
		fact(facts, "机构名称", "Name of the body", c.body().name(), null);
		fact(facts, "统一社会信用代码", "Unified social credit code", c.body().creditCode(), null);
		fact(facts, "地址", "Address", orNone(c.body().address()), null);
		fact(facts, "专业领域", "Field", c.fieldName(), fieldEn);
		fact(facts, "发证日期", "Issued on", zhDate(c.issuedOn()), c.issuedOn().toString());
		fact(facts, "有效期至", "Valid until", zhDate(c.validUntil()), c.validUntil().toString());
		fact(facts, "证书状态", "Status", c.status().labelZh() + "（截至 " + SIGNED.format(signed.signedAt().atZone(zone)) + "）",
				c.status().labelEn() + " as of the signature time");
		fact(facts, "发证机关", "Issuing authority", c.authorityName(), codes.authorityNameEn(c.authorityCode()));
		facts.setSpacingAfter(14);
		document.add(facts);

		Paragraph statement = new Paragraph(
				"经审查，你机构已具备国家有关法律、行政法规规定的基本条件和能力，现予批准，可以向社会出具具有证明作用的数据和结果，"
						+ "能力范围见附件。特发此证。资质认定包括检验检测机构计量认证。",
				font(10.5f, INK));
		statement.setLeading(18);
		document.add(statement);
		Paragraph statementEn = new Paragraph("Having been assessed, the body meets the conditions and competence that "
				+ "the laws and administrative regulations require, and is approved to issue data and results of "
				+ "probative value to the public within the scope annexed. This certificate includes the metrology "
				+ "certification of the inspection and testing body.", font(9, MUTED));
		statementEn.setSpacingAfter(16);
		document.add(statementEn);

		PdfPTable verify = new PdfPTable(new float[] { 72, 28 });
		verify.setWidthPercentage(100);
		PdfPCell text = new PdfPCell();
		text.setBorder(Rectangle.NO_BORDER);
		text.setPaddingRight(10);
		text.addElement(line("电子证书与验证 Electronic certificate and verification", 10, INK));
		text.addElement(line("本证书以 JWS（RFC 7515）签署，算法 EdDSA/Ed25519；签名文件附于本 PDF（" + ATTACHMENT + "）。"
				+ "This certificate is signed as a JWS (RFC 7515, EdDSA/Ed25519); the signed file is attached to this PDF.",
				8, MUTED));
		text.addElement(line("签名时间 Signed at: " + signed.signedAt() + "   密钥 Key (kid): " + signed.keyId(), 8, INK));
		text.addElement(line("签名值 Signature: " + signed.signature(), 7, INK));
		text.addElement(line("最新签名文件 Current signed form: " + publicUrl + "/api/v1/certificates/" + c.number() + "/signed",
				8, INK));
		text.addElement(line("公钥 Public keys (JWKS): " + publicUrl + "/api/v1/keys", 8, INK));
		text.addElement(line("验证 Verify: java -jar labtrust-verifier.jar verify-certificate --jws " + ATTACHMENT
				+ " --url " + publicUrl, 8, INK));
		text.addElement(line("证书状态以扫码查询结果为准。The current status is the one the certificate page shows.", 8, MUTED));
		verify.addCell(text);
		PdfPCell qr = new PdfPCell(qrCode(writer, pageUrl(c.number())), true);
		qr.setBorder(Rectangle.NO_BORDER);
		qr.setHorizontalAlignment(Element.ALIGN_CENTER);
		verify.addCell(qr);
		PdfPCell scan = new PdfPCell();
		scan.setBorder(Rectangle.NO_BORDER);
		scan.setColspan(2);
		Paragraph link = new Paragraph("扫码查验 Scan to check: " + pageUrl(c.number()), font(8, MUTED));
		link.setAlignment(Element.ALIGN_RIGHT);
		scan.addElement(link);
		verify.addCell(scan);
		document.add(verify);
	}

	private void annex(Document document, CertificateDetail c) throws DocumentException {
		Paragraph title = new Paragraph("附件：资质认定能力范围", font(16, INK));
		document.add(title);
		Paragraph titleEn = new Paragraph("Annex: scope of accreditation of certificate " + c.formattedNumber() + " ("
				+ c.scope().size() + " rows)", font(9, MUTED));
		titleEn.setSpacingAfter(8);
		document.add(titleEn);
		if (c.scope().isEmpty()) {
			document.add(new Paragraph("本证书没有登记能力范围。No scope is registered for this certificate.", font(10, INK)));
			return;
		}
		PdfPTable table = new PdfPTable(new float[] { 7, 17, 20, 36, 12, 8 });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		table.setSplitLate(true); // a row moves whole to the next page, unless it is taller than a page
		for (String[] head : List.of(new String[] { "序号", "No." }, new String[] { "检测对象", "Object" },
				new String[] { "项目/参数", "Parameter" }, new String[] { "依据的标准（方法）", "Method" },
				new String[] { "限制范围", "Limitation" }, new String[] { "状态", "Status" })) {
			PdfPCell cell = new PdfPCell(new Phrase(head[0] + "\n" + head[1], font(8, INK)));
			cell.setLeading(0, 1.35f);
			cell.setBackgroundColor(SHADE);
			cell.setPadding(4);
			table.addCell(cell);
		}
		Font body = font(8, INK);
		for (ScopeRowView row : c.scope()) {
			cell(table, Integer.toString(row.lineNo()), body);
			cell(table, row.objectName(), body);
			cell(table, row.parameterName(), body);
			cell(table, row.methodCode() + (row.methodTitle() == null ? "" : " " + row.methodTitle()), body);
			cell(table, orNone(row.limitation()), body);
			cell(table, row.status().labelZh() + "\n" + row.status().labelEn(), body);
		}
		document.add(table);
	}

	private static void cell(PdfPTable table, String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
		cell.setLeading(0, 1.35f);
		cell.setPadding(3);
		cell.setPaddingBottom(4);
		cell.setBorderColor(Color.LIGHT_GRAY);
		table.addCell(cell);
	}

	private void fact(PdfPTable table, String labelZh, String labelEn, String value, String valueEn) {
		PdfPCell label = new PdfPCell();
		label.setBorder(Rectangle.BOTTOM);
		label.setBorderColor(Color.LIGHT_GRAY);
		label.setPaddingBottom(6);
		label.addElement(line(labelZh, 11, INK));
		label.addElement(line(labelEn, 8, MUTED));
		table.addCell(label);
		PdfPCell content = new PdfPCell();
		content.setBorder(Rectangle.BOTTOM);
		content.setBorderColor(Color.LIGHT_GRAY);
		content.setPaddingBottom(6);
		content.addElement(line(value, 11, INK));
		if (valueEn != null) {
			content.addElement(line(valueEn, 8, MUTED));
		}
		table.addCell(content);
	}

	private Paragraph line(String text, float size, Color color) {
		Paragraph p = new Paragraph(text, font(size, color));
		p.setLeading(size * 1.45f);
		return p;
	}

	private Font font(float size, Color color) {
		return new Font(font.baseFont(), size, Font.NORMAL, color);
	}

	/** The QR code drawn as vector modules (crisp at any zoom), quiet zone of four modules included. */
	private static Image qrCode(PdfWriter writer, String url) throws DocumentException {
		QRCode code;
		try {
			code = Encoder.encode(url, ErrorCorrectionLevel.M, Map.of(EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException e) {
			throw new IllegalStateException("cannot encode " + url + " as a QR code", e);
		}
		ByteMatrix matrix = code.getMatrix();
		float module = 3f;
		int quiet = 4;
		float size = (matrix.getWidth() + 2 * quiet) * module;
		PdfTemplate template = writer.getDirectContent().createTemplate(size, size);
		template.setColorFill(Color.WHITE);
		template.rectangle(0, 0, size, size);
		template.fill();
		template.setColorFill(Color.BLACK);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y) == 1) {
					template.rectangle((x + quiet) * module, size - (y + quiet + 1) * module, module, module);
				}
			}
		}
		template.fill();
		Image image = Image.getInstance(template);
		image.scaleToFit(120, 120);
		return image;
	}

	private void checkGlyphs(CertificateDetail c) {
		List<String> texts = new ArrayList<>(List.of(c.body().name(), c.body().creditCode(), orNone(c.body().address()),
				c.fieldName(), c.authorityName(), c.formattedNumber()));
		for (ScopeRowView row : c.scope()) {
			texts.add(row.objectName());
			texts.add(row.parameterName());
			texts.add(row.methodCode());
			texts.add(row.methodTitle());
			texts.add(row.limitation());
		}
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			font.missingGlyph(text).ifPresent(ch -> {
				throw new GlyphMissingException(c.number(), ch, font.toString());
			});
		}
	}

	private static String zhDate(LocalDate date) {
		return ZH_DATE.format(date);
	}

	private static String orNone(String text) {
		return text == null || text.isBlank() ? "—" : text;
	}

	/** Some text of the certificate has no glyph in the configured font. */
	public static final class GlyphMissingException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String character;

		GlyphMissingException(String number, String character, String font) {
			super("The font " + font + " has no glyph for '" + character + "' (U+"
					+ Integer.toHexString(character.codePointAt(0)).toUpperCase() + ") in certificate " + number);
			this.character = character;
		}

		public String character() {
			return character;
		}
	}

	/** Certificate number and page number at the foot of every page. */
	private final class Footer extends PdfPageEventHelper {

		private final String number;

		Footer(String number) {
			this.number = number;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte canvas = writer.getDirectContent();
			Rectangle page = document.getPageSize();
			Phrase text = new Phrase(
					new Chunk("证书编号 " + number + " · 第 " + writer.getPageNumber() + " 页 · Page " + writer.getPageNumber(),
							font(8, MUTED)));
			ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, text, (page.getLeft() + page.getRight()) / 2,
					page.getBottom() + 30, 0);
		}
	}
}
