package org.labtrust.registry.internal.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * The Ed25519 key that signs electronic certificates, kept apart from the report log's key so
 * that either can be rotated or revoked alone. The key file holds a PKCS#8 private key and its
 * X.509 public key, both PEM ({@code openssl genpkey -algorithm ed25519} and {@code openssl pkey
 * -pubout} write them). Published as an OKP JWK (RFC 8037) whose {@code kid} is its RFC 7638
 * thumbprint.
 */
public final class CertificateKey {

	private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	/** X.509 SubjectPublicKeyInfo of an Ed25519 key: this prefix, then the raw 32 bytes. */
	private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final PrivateKey privateKey;

	private final byte[] publicKey;

	private final String keyId;

	private CertificateKey(PrivateKey privateKey, PublicKey publicKey) {
		this.privateKey = privateKey;
		byte[] spki = publicKey.getEncoded();
		if (spki.length != SPKI_PREFIX.length + 32
				|| !Arrays.equals(Arrays.copyOf(spki, SPKI_PREFIX.length), SPKI_PREFIX)) {
			throw new IllegalStateException("not an Ed25519 public key");
		}
		this.publicKey = Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
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
		try {
			if (!Files.exists(file)) {
				if (!generate) {
					throw new IllegalStateException("The certificate signing key file " + file.toAbsolutePath()
							+ " does not exist (labtrust.registry.certificate.signing-key). Create it with:"
							+ " openssl genpkey -algorithm ed25519 -out key.pem && openssl pkey -in key.pem -pubout >> key.pem");
				}
				write(file, KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
			}
			String pem = Files.readString(file, StandardCharsets.US_ASCII);
			PrivateKey privateKey = null;
			PublicKey publicKey = null;
			KeyFactory keys = KeyFactory.getInstance("Ed25519");
			Matcher blocks = PEM.matcher(pem);
			while (blocks.find()) {
				byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
				switch (blocks.group(1)) {
					case "PRIVATE KEY" -> privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(der));
					case "PUBLIC KEY" -> publicKey = keys.generatePublic(new X509EncodedKeySpec(der));
					default -> throw new IllegalStateException("unexpected PEM block " + blocks.group(1) + " in " + file);
				}
			}
			if (privateKey == null || publicKey == null) {
				throw new IllegalStateException("The certificate signing key file " + file.toAbsolutePath()
						+ " must hold an Ed25519 PRIVATE KEY and its PUBLIC KEY (PEM)");
			}
			CertificateKey key = new CertificateKey(privateKey, publicKey);
			key.checkPair();
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the certificate signing key " + file.toAbsolutePath(), e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(
					"The certificate signing key " + file.toAbsolutePath() + " is not a valid Ed25519 key", e);
		}
	}

	private static void write(Path file, KeyPair pair) throws IOException {
		Base64.Encoder pem = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
		String text = "-----BEGIN PRIVATE KEY-----\n" + pem.encodeToString(pair.getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n"
				+ pem.encodeToString(pair.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.writeString(file, text, StandardCharsets.US_ASCII);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException e) {
			// not a POSIX file system: the operator protects the file
		}
	}

	/** Refuses a file whose public key does not belong to its private key. */
	private void checkPair() throws GeneralSecurityException {
		byte[] probe = "labtrust certificate key check".getBytes(StandardCharsets.US_ASCII);
		Signature verify = Signature.getInstance("Ed25519");
		byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + publicKey.length);
		System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, publicKey.length);
		verify.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
		verify.update(probe);
		if (!verify.verify(sign(probe))) {
			throw new IllegalStateException("The certificate signing key file holds a public key of another private key");
		}
	}

	/** The RFC 7638 thumbprint: the JWK's {@code kid}. */
	public String keyId() {
		return keyId;
	}

	/** The raw 32-byte Ed25519 public key. */
	public byte[] publicKey() {
		return publicKey.clone();
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
