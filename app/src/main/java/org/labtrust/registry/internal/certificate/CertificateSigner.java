package org.labtrust.registry.internal.certificate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.labtrust.registry.CertificateDetail;
import org.labtrust.registry.ScopeRowView;

/**
 * Signs a certificate as it stands in the registry: its canonical JSON document
 * (docs/certificate-format.md) as the payload of a JWS in compact serialization (RFC 7515) with an
 * EdDSA (Ed25519, RFC 8037) signature. The signature is made afresh on every call, because a
 * certificate's status and scope change; {@code signedAt} says as of when it holds.
 */
public final class CertificateSigner {

	/** The protected header's {@code typ} (explicit typing, RFC 8725 §3.11). */
	public static final String HEADER_TYPE = "labtrust-cma-certificate+jws";

	/** The payload's {@code typ}: the version of the document's shape. */
	public static final String PAYLOAD_TYPE = "labtrust-cma-certificate/v1";

	private static final java.util.Base64.Encoder BASE64URL = java.util.Base64.getUrlEncoder().withoutPadding();

	private final CertificateKey key;

	private final Clock clock;

	public CertificateSigner(CertificateKey key, Clock clock) {
		this.key = key;
		this.clock = clock;
	}

	public CertificateKey key() {
		return key;
	}

	/** A certificate signed now: the payload and the compact JWS over it. */
	public SignedCertificate sign(CertificateDetail certificate) {
		Instant signedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> payload = payload(certificate, signedAt);
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", "EdDSA");
		header.put("kid", key.keyId());
		header.put("typ", HEADER_TYPE);
		String signingInput = BASE64URL.encodeToString(CanonicalJson.bytes(header)) + "."
				+ BASE64URL.encodeToString(CanonicalJson.bytes(payload));
		String signature = BASE64URL.encodeToString(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
		return new SignedCertificate(certificate, signedAt, key.keyId(), signingInput + "." + signature);
	}

	/** The document that is signed: every field is documented in docs/certificate-format.md. */
	static Map<String, Object> payload(CertificateDetail c, Instant signedAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", c.body().name());
		body.put("creditCode", c.body().creditCode());
		body.put("address", c.body().address());
		List<Map<String, Object>> scope = new ArrayList<>(c.scope().size());
		for (ScopeRowView row : c.scope()) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("line", row.lineNo());
			line.put("objectName", row.objectName());
			line.put("parameterName", row.parameterName());
			line.put("methodCode", row.methodCode());
			line.put("methodTitle", row.methodTitle());
			line.put("limitation", row.limitation());
			line.put("status", row.status().name());
			scope.add(line);
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("typ", PAYLOAD_TYPE);
		payload.put("number", c.number());
		payload.put("body", body);
		payload.put("authorityCode", c.authorityCode());
		payload.put("authorityName", c.authorityName());
		payload.put("fieldCode", c.fieldCode());
		payload.put("industryCode", c.industryCode());
		payload.put("issuedOn", c.issuedOn().toString());
		payload.put("validUntil", c.validUntil().toString());
		payload.put("status", c.status().name());
		payload.put("scope", scope);
		payload.put("signedAt", signedAt.toString());
		return payload;
	}

	/**
	 * @param certificate the registry's record the document was made from (Chinese names)
	 * @param jws the compact serialization
	 */
	public record SignedCertificate(CertificateDetail certificate, Instant signedAt, String keyId, String jws) {

		/** The third part of the JWS: the signature, base64url. */
		public String signature() {
			return jws.substring(jws.lastIndexOf('.') + 1);
		}
	}
}
