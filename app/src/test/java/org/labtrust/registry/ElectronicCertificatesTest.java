package org.labtrust.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labtrust.IntegrationTest;
import org.labtrust.verifier.CertificateJws;
import org.labtrust.verifier.Main;
import org.labtrust.verifier.VerificationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Electronic certificates against the demo registry: the JWS from the API verifies with the
 * verifier module's own code against the published keys, and nothing else does (a changed
 * payload, another key, another algorithm); the PDF carries the certificate in an embedded CJK
 * subset font, the whole scope, a QR code to the certificate page and the JWS.
 */
class ElectronicCertificatesTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

	@Autowired
	JdbcClient jdbc;

	@Value("${labtrust.public-url}")
	String publicUrl;

	/** The demo certificate with the largest scope. */
	private String number;

	private String bodyName;

	private int scopeRows;

	@BeforeEach
	void pickCertificate() {
		record Pick(String number, String bodyName, int rows) {
		}
		Pick pick = jdbc.sql("""
				select c.number, b.name, count(r.id)::int from certificate c join body b on b.id = c.body_id
				join scope_row r on r.certificate_id = c.id
				group by c.number, b.name order by count(r.id) desc, c.number limit 1""")
			.query((rs, i) -> new Pick(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.single();
		number = pick.number();
		bodyName = pick.bodyName();
		scopeRows = pick.rows();
	}

	private String jwks() {
		HttpResponse<String> keys = get("/api/v1/keys");
		assertThat(keys.statusCode()).isEqualTo(200);
		return keys.body();
	}

	private String signed() {
		HttpResponse<String> response = get("/api/v1/certificates/" + number + "/signed");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/jose"));
		return response.body();
	}

	@Test
	void theKeySetPublishesOneEd25519SignatureKeyNamedByItsThumbprint() {
		JsonNode keys = JSON.readTree(jwks()).get("keys");
		assertThat(keys.size()).isEqualTo(1);
		JsonNode key = keys.get(0);
		assertThat(key.get("kty").asString()).isEqualTo("OKP");
		assertThat(key.get("crv").asString()).isEqualTo("Ed25519");
		assertThat(key.get("use").asString()).isEqualTo("sig");
		assertThat(key.get("alg").asString()).isEqualTo("EdDSA");
		assertThat(key.has("d")).as("no private part").isFalse();
		byte[] x = Base64.getUrlDecoder().decode(key.get("x").asString());
		assertThat(x).hasSize(32);
		assertThat(key.get("kid").asString()).isEqualTo(CertificateJws.thumbprint(x));
	}

	@Test
	void theSignedCertificateVerifiesAgainstThePublishedKeysAndStatesTheRegistry() throws Exception {
		Instant before = Instant.now().minusSeconds(2);
		String jws = signed();
		CertificateJws.Verified c = CertificateJws.verify(jws, jwks());
		assertThat(c.number()).isEqualTo(number);
		assertThat(c.bodyName()).isEqualTo(bodyName);
		assertThat(c.scope()).hasSize(scopeRows);
		assertThat(c.scope()).extracting(CertificateJws.ScopeLine::line).isSorted();
		Map<String, Object> row = jdbc.sql("""
				select c.status, c.valid_until::text as until, b.credit_code from certificate c
				join body b on b.id = c.body_id where c.number = ?""").param(number).query().singleRow();
		assertThat(c.status()).isEqualTo(row.get("status"));
		assertThat(c.validUntil()).isEqualTo(row.get("until"));
		assertThat(c.creditCode()).isEqualTo(row.get("credit_code"));
		assertThat(Instant.parse(c.signedAt())).isBetween(before, Instant.now().plusSeconds(2));
		assertThat(c.payloadJson()).startsWith("{\"authorityCode\":").doesNotContain("\n", "\": ");
		String header = new String(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))), StandardCharsets.UTF_8);
		assertThat(header).isEqualTo("{\"alg\":\"EdDSA\",\"kid\":\"" + c.keyId() + "\",\"typ\":\"" + CertificateJws.HEADER_TYPE + "\"}");
	}

	@Test
	void changingOneByteOfThePayloadBreaksTheSignature() {
		String[] parts = signed().split("\\.");
		byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
		String text = new String(payload, StandardCharsets.UTF_8);
		int at = text.indexOf("\"status\":\"") + "\"status\":\"".length();
		payload[text.substring(0, at).getBytes(StandardCharsets.UTF_8).length] ^= 0x01; // VALID -> WALID, etc.
		String forged = parts[0] + "." + B64URL.encodeToString(payload) + "." + parts[2];
		assertThatThrownBy(() -> CertificateJws.verify(forged, jwks())).isInstanceOf(VerificationException.class)
			.hasMessageContaining("does not verify");
	}

	@Test
	void aCertificateSignedByAnotherEd25519KeyIsRefused() throws Exception {
		String[] parts = signed().split("\\.");
		PrivateKey other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(other);
		signer.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
		String forged = parts[0] + "." + parts[1] + "." + B64URL.encodeToString(signer.sign());
		assertThatThrownBy(() -> CertificateJws.verify(forged, jwks())).isInstanceOf(VerificationException.class)
			.hasMessageContaining("does not verify");
	}

	@Test
	void algNoneAndHs256AreRefusedWhateverTheySign() throws Exception {
		String jwks = jwks();
		String[] parts = signed().split("\\.");
		String kid = JSON.readTree(jwks).get("keys").get(0).get("kid").asString();
		String none = B64URL.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> CertificateJws.verify(none + "." + parts[1] + ".", jwks))
			.isInstanceOf(VerificationException.class)
			.hasMessageContaining("only EdDSA");
		// HS256 keyed with the public key: the classic confusion attack
		String hs = B64URL.encodeToString(("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(JSON.readTree(jwks).get("keys").get(0).get("x").asString().getBytes(StandardCharsets.US_ASCII),
				"HmacSHA256"));
		String tag = B64URL.encodeToString(mac.doFinal((hs + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
		assertThatThrownBy(() -> CertificateJws.verify(hs + "." + parts[1] + "." + tag, jwks))
			.isInstanceOf(VerificationException.class)
			.hasMessageContaining("only EdDSA");
	}

	@Test
	void thePdfHasTheCertificateInAnEmbeddedCjkSubsetTheWholeScopeAQrCodeAndTheJws() throws Exception {
		HttpResponse<byte[]> response = send(java.net.http.HttpRequest.newBuilder(uri("/api/v1/certificates/" + number
				+ "/certificate.pdf")).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (PDDocument pdf = Loader.loadPDF(response.body())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("检验检测机构资质认定证书", "资质认定证书", bodyName, number,
					CmaNumber.parse(number, CodeTables.load()).formatted());

			// every font is embedded, as a subset: CFF (FontFile3) or TrueType (FontFile2) outlines
			int fonts = 0;
			for (PDPage page : pdf.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					fonts++;
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					assertThat(font.getName()).as("subset tag").matches("[A-Z]{6}\\+.+");
					assertThat(font).isInstanceOf(PDType0Font.class);
					PDFontDescriptor descriptor = ((PDType0Font) font).getDescendantFont().getFontDescriptor();
					assertThat(descriptor.getFontFile3() != null || descriptor.getFontFile2() != null)
						.as("FontFile2 or FontFile3 of " + font.getName()).isTrue();
				}
			}
			assertThat(fonts).isPositive();

			// the annex: every scope row, in order
			List<Map<String, Object>> rows = jdbc.sql("""
					select r.object_name, r.parameter_name, r.method_code from scope_row r
					join certificate c on c.id = r.certificate_id where c.number = ? order by r.line_no""")
				.param(number)
				.query()
				.listOfRows();
			assertThat(rows).hasSize(scopeRows);
			String compact = text.replaceAll("\\s+", "");
			int at = compact.indexOf("附件");
			assertThat(at).isPositive();
			for (Map<String, Object> row : rows) {
				for (String column : List.of("object_name", "parameter_name", "method_code")) {
					String cell = ((String) row.get(column)).replaceAll("\\s+", "");
					int found = compact.indexOf(cell, at);
					assertThat(found).as("row " + row + " after offset " + at).isGreaterThanOrEqualTo(0);
					at = found + cell.length();
				}
			}
			assertThat(text).contains("(" + scopeRows + " rows)");

			// the QR code on the first page links to the public certificate page
			BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 150, ImageType.RGB);
			int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
			String qr = new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
				.getText();
			assertThat(qr).isEqualTo(publicUrl.replaceAll("/+$", "") + "/certificates/" + number);

			// the attached JWS verifies and is this certificate
			PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
			Map<String, PDComplexFileSpecification> files = names.getEmbeddedFiles().getNames();
			PDComplexFileSpecification attached = files.values()
				.stream()
				.filter(f -> "certificate.jws".equals(f.getFilename()))
				.findFirst()
				.orElseThrow();
			String jws = new String(attached.getEmbeddedFile().toByteArray(), StandardCharsets.US_ASCII);
			CertificateJws.Verified c = CertificateJws.verify(jws, jwks());
			assertThat(c.number()).isEqualTo(number);
			assertThat(compact).as("the signature printed on the first page").contains(jws.substring(jws.lastIndexOf('.') + 1));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/signed", "/certificate.pdf" })
	void unknownAndMalformedNumbersAreProblems(String suffix) {
		String unknown = number.substring(0, 8) + "9999";
		assertThat(jdbc.sql("select count(*) from certificate where number = ?").param(unknown).query(Integer.class).single())
			.isZero();
		problem("/api/v1/certificates/" + unknown + suffix, 404, "CERT_NOT_FOUND");
		problem("/api/v1/certificates/12345" + suffix, 400, "CERT_NUMBER_INVALID");
	}

	private void problem(String path, int status, String code) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				t -> assertThat(t).startsWith("application/problem+json"));
		assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo(code);
	}

	record Run(int exit, String out) {
	}

	private static Run verifier(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
		int exit = Main.run(args, print, print);
		return new Run(exit, out.toString(StandardCharsets.UTF_8));
	}

	@Test
	void theVerifierCommandPassesTheLiveCertificateAndFailsAForgery() throws Exception {
		Path dir = Files.createTempDirectory("certificate");
		Path jws = Files.writeString(dir.resolve("certificate.jws"), signed());
		String platform = uri("").toString();

		Run good = verifier("verify-certificate", "--jws", jws.toString(), "--url", platform, "--number", number);
		assertThat(good.exit()).as(good.out()).isEqualTo(Main.VERIFIED);
		assertThat(good.out()).startsWith("VERIFIED").contains(number, bodyName, scopeRows + " rows");

		Path keys = Files.writeString(dir.resolve("keys.json"), jwks());
		Run offline = verifier("verify-certificate", "--jws", jws.toString(), "--jwks", keys.toString());
		assertThat(offline.exit()).as(offline.out()).isEqualTo(Main.VERIFIED);

		Run otherNumber = verifier("verify-certificate", "--jws", jws.toString(), "--jwks", keys.toString(), "--number",
				number.substring(0, 8) + "9999");
		assertThat(otherNumber.exit()).as(otherNumber.out()).isEqualTo(Main.NOT_VERIFIED);

		String[] parts = Files.readString(jws).split("\\.");
		String changed = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(bodyName,
				bodyName + "X");
		Path forged = Files.writeString(dir.resolve("forged.jws"),
				parts[0] + "." + B64URL.encodeToString(changed.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
		Run bad = verifier("verify-certificate", "--jws", forged.toString(), "--url", platform);
		assertThat(bad.exit()).as(bad.out()).isEqualTo(Main.NOT_VERIFIED);
		assertThat(bad.out()).contains("NOT VERIFIED", "does not verify");

		Run missing = verifier("verify-certificate", "--jws", dir.resolve("absent.jws").toString(), "--url", platform);
		assertThat(missing.exit()).isEqualTo(Main.USAGE_ERROR);
		Run both = verifier("verify-certificate", "--jws", jws.toString());
		assertThat(both.exit()).isEqualTo(Main.USAGE_ERROR);
	}

	@Test
	void theCertificatePageLinksToThePdfTheSignedFormAndExplainsVerification() {
		HttpResponse<String> page = get("/certificates/" + number, "zh-CN");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("/api/v1/certificates/" + number + "/certificate.pdf",
				"/api/v1/certificates/" + number + "/signed", "/api/v1/keys", "如何验证",
				"verify-certificate --jws certificate.jws --url " + publicUrl);
		HttpResponse<String> english = get("/certificates/" + number + "?lang=en");
		assertThat(english.body()).contains("How to verify", "/api/v1/certificates/" + number + "/certificate.pdf");
	}

	@Test
	void theOpenApiDescriptionListsTheCertificateEndpoints() {
		JsonNode paths = JSON.readTree(get("/v3/api-docs").body()).get("paths");
		assertThat(paths.propertyNames()).contains("/api/v1/keys", "/api/v1/certificates/{number}/signed",
				"/api/v1/certificates/{number}/certificate.pdf");
	}

	@Test
	void signingTwiceGivesTheSameDocumentApartFromSignedAt() throws Exception {
		String first = CertificateJws.verify(signed(), jwks()).payloadJson().replaceAll("\"signedAt\":\"[^\"]+\"", "");
		String second = CertificateJws.verify(signed(), jwks()).payloadJson().replaceAll("\"signedAt\":\"[^\"]+\"", "");
		assertThat(second).isEqualTo(first).contains("\"number\":\"" + number + "\"");
	}
}
