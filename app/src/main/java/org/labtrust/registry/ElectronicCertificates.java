package org.labtrust.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.labtrust.registry.internal.certificate.CertificatePdf;
import org.labtrust.registry.internal.certificate.CertificatePdfs;
import org.labtrust.registry.internal.certificate.CertificateSigner;
import org.labtrust.registry.internal.certificate.CertificateSigner.SignedCertificate;
import org.labtrust.shared.DomainException;
import org.springframework.stereotype.Service;

/**
 * Electronic CMA certificates, for the API and for other modules (licensing issues certificates
 * and hands out their PDF): the certificate as it stands in the registry now, signed with the
 * platform's certificate key as a JWS (docs/certificate-format.md), and as a PDF that carries that
 * JWS, a QR code to the public certificate page and the full scope.
 */
@Service
public class ElectronicCertificates {

	private final RegistryQueries queries;

	private final CertificateSigner signer;

	private final CertificatePdfs pdfs;

	ElectronicCertificates(RegistryQueries queries, CertificateSigner signer, CertificatePdfs pdfs) {
		this.queries = queries;
		this.signer = signer;
		this.pdfs = pdfs;
	}

	/**
	 * The certificate signed now, as a JWS in compact serialization.
	 *
	 * @throws DomainException {@code CERT_NUMBER_INVALID} (400), {@code CERT_NOT_FOUND} (404)
	 */
	public String signed(String number) {
		return sign(number).jws();
	}

	/**
	 * The certificate as a PDF, with the JWS signed now attached.
	 *
	 * @throws DomainException {@code CERT_NUMBER_INVALID} (400), {@code CERT_NOT_FOUND} (404),
	 *         {@code CERT_PDF_FONT_MISSING} (503) when no CJK font is installed,
	 *         {@code CERT_PDF_GLYPH_MISSING} (500) when the font lacks a character of the certificate
	 */
	public byte[] pdf(String number) {
		SignedCertificate signed = sign(number); // an unknown or malformed number answers as such, font or not
		CertificatePdf renderer = pdfs.require();
		try {
			return renderer.render(signed);
		}
		catch (CertificatePdf.GlyphMissingException e) {
			throw new DomainException("CERT_PDF_GLYPH_MISSING", 500, e.getMessage(), signed.certificate().number(),
					e.character());
		}
	}

	/** The public keys that verify certificates. */
	public Jwks keys() {
		Map<String, String> jwk = signer.key().jwk();
		return new Jwks(List.of(new Jwks.Key(jwk.get("kty"), jwk.get("crv"), jwk.get("x"), jwk.get("kid"),
				jwk.get("use"), jwk.get("alg"))));
	}

	private SignedCertificate sign(String number) {
		return signer.sign(queries.certificate(number, Locale.SIMPLIFIED_CHINESE));
	}
}
