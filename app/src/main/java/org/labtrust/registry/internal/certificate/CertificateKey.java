package org.labtrust.registry.internal.certificate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.labtrust.shared.crypto.Ed25519KeyFile;


/**
 * The Ed25519 key that signs electronic certificates, kept apart from the report log's key so
 * that either can be rotated or revoked alone. The key file holds a PKCS#8 private key and its
 * X.509 public key, both PEM ({@code openssl genpkey -algorithm ed25519} and {@code openssl pkey
 * -pubout} write them). Published as an OKP JWK (RFC 8037) whose {@code kid} is its RFC 7638
 * thumbprint.
 */
public final class CertificateKey {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final PrivateKey privateKey;

	private final byte[] publicKey;

	private final String keyId;

	private CertificateKey(PrivateKey privateKey, PublicKey publicKey) {
		this.privateKey = privateKey;
		this.publicKey = Ed25519KeyFile.raw(publicKey);
		this.keyId = thumbprint(this.publicKey);
	}

	/** A fresh key held in memory only (tests). */
	public static CertificateKey generate() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			return new CertificateKey(pair.getPrivate(), pair.getPublic());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Loads the key file; when it is missing and {@code generate} is set (the embedded demo and test
	 * database only), creates it with mode 600.
	 */
	public static CertificateKey load(Path file, boolean generate) {
		KeyPair pair = Ed25519KeyFile.load(file, generate, "certificate signing key");
		return new CertificateKey(pair.getPrivate(), pair.getPublic());
	}

	/** The RFC 7638 thumbprint: the JWK's {@code kid}. */
	public String keyId() {
		return keyId;
	}

	/** The public JWK (RFC 8037 §2), members in canonical order. */
	public Map<String, String> jwk() {
		Map<String, String> jwk = new LinkedHashMap<>();
		jwk.put("alg", "EdDSA");
		jwk.put("crv", "Ed25519");
		jwk.put("kid", keyId);
		jwk.put("kty", "OKP");
		jwk.put("use", "sig");
		jwk.put("x", BASE64URL.encodeToString(publicKey));
		return jwk;
	}

	/** A pure Ed25519 signature (RFC 8032) over {@code message}. */
	public byte[] sign(byte[] message) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(privateKey);
			signer.update(message);
			return signer.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * RFC 7638 §3 with RFC 8037 §2: SHA-256 over the required members {@code crv}, {@code kty},
	 * {@code x} in lexicographic order without whitespace, base64url.
	 */
	static String thumbprint(byte[] rawPublicKey) {
		String members = CanonicalJson.text(Map.of("crv", "Ed25519", "kty", "OKP", "x", BASE64URL.encodeToString(rawPublicKey)));
		try {
			return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
