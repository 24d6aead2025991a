package org.labtrust.registry.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.labtrust.registry.ElectronicCertificates;
import org.labtrust.registry.Jwks;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * Electronic certificates: the signing keys as a JWK Set, a certificate signed now as a JWS, and
 * the certificate PDF (docs/certificate-format.md).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Electronic certificates", description = "Signed CMA certificates (JWS, EdDSA) and their PDF")
class CertificateApiController {

	static final MediaType JOSE = MediaType.parseMediaType("application/jose");

	private final ElectronicCertificates certificates;

	CertificateApiController(ElectronicCertificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping(path = "/keys", produces = { MediaType.APPLICATION_JSON_VALUE, "application/jwk-set+json" })
	@Operation(summary = "The keys that sign electronic certificates, as a JWK Set (RFC 7517)",
			description = "Ed25519 keys as OKP JWKs (RFC 8037); kid is the RFC 7638 thumbprint.")
	ResponseEntity<Jwks> keys() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)).cachePublic())
			.body(certificates.keys());
	}

	@GetMapping(path = "/certificates/{number}/signed", produces = "application/jose")
	@Operation(summary = "A certificate signed now, as a JWS in compact serialization (RFC 7515, EdDSA)",
			description = "The payload is the certificate's canonical JSON (RFC 8785) with signedAt, the time "
					+ "its status and scope were read. Verify with GET /api/v1/keys.")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/jose",
			schema = @Schema(type = "string", example = "eyJhbGciOiJFZERTQSIs...")))
	ResponseEntity<String> signed(@PathVariable String number) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(JOSE)
			.body(certificates.signed(number));
	}

	@GetMapping(path = "/certificates/{number}/certificate.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "The electronic certificate as a PDF, with its JWS attached and a QR code to its page")
	@ApiResponse(responseCode = "200", content = @Content(mediaType = "application/pdf"))
	ResponseEntity<byte[]> pdf(@PathVariable String number) {
		byte[] pdf = certificates.pdf(number);
		String digits = number.replaceAll("\\s", "");
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("CMA-" + digits + ".pdf").build().toString())
			.body(pdf);
	}
}
