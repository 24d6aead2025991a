package org.labtrust.shared.crypto;

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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Ed25519 signing key in a file: a PKCS#8 private key and its X.509 public key, both PEM, as
 * {@code openssl genpkey -algorithm ed25519} and {@code openssl pkey -pubout} write them. The
 * report log and the electronic certificates each keep their own key in such a file.
 */
public final class Ed25519KeyFile {

	private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	/** X.509 SubjectPublicKeyInfo of an Ed25519 key: this prefix, then the raw 32 bytes. */
	private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private Ed25519KeyFile() {
	}

	/**
	 * Reads the key pair and checks that its halves belong together. When the file is missing and
	 * {@code generate} is set (the embedded demo and test database only), creates it first, mode 600.
	 *
	 * @param what what the key signs, for the messages, e.g. "log signing key"
	 */
	public static KeyPair load(Path file, boolean generate, String what) {
		try {
			if (!Files.exists(file)) {
				if (!generate) {
					throw new IllegalStateException("The " + what + " file " + file.toAbsolutePath()
							+ " does not exist. Create it with: openssl genpkey -algorithm ed25519 -out key.pem"
							+ " && openssl pkey -in key.pem -pubout >> key.pem");
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
				throw new IllegalStateException("The " + what + " file " + file.toAbsolutePath()
						+ " must hold an Ed25519 PRIVATE KEY and its PUBLIC KEY (PEM)");
			}
			checkPair(privateKey, publicKey, what);
			return new KeyPair(publicKey, privateKey);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the " + what + " " + file.toAbsolutePath(), e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The " + what + " " + file.toAbsolutePath() + " is not a valid Ed25519 key", e);
		}
	}

	/** The raw 32 bytes of an Ed25519 public key (RFC 8032), from its X.509 encoding. */
	public static byte[] raw(PublicKey publicKey) {
		byte[] spki = publicKey.getEncoded();
		if (spki.length != SPKI_PREFIX.length + 32 || !Arrays.equals(Arrays.copyOf(spki, SPKI_PREFIX.length), SPKI_PREFIX)) {
			throw new IllegalStateException("not an Ed25519 public key");
		}
		return Arrays.copyOfRange(spki, SPKI_PREFIX.length, spki.length);
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
	private static void checkPair(PrivateKey privateKey, PublicKey publicKey, String what)
			throws GeneralSecurityException {
		byte[] probe = "labtrust key check".getBytes(StandardCharsets.US_ASCII);
		Signature sign = Signature.getInstance("Ed25519");
		sign.initSign(privateKey);
		sign.update(probe);
		Signature verify = Signature.getInstance("Ed25519");
		verify.initVerify(publicKey);
		verify.update(probe);
		if (!verify.verify(sign.sign())) {
			throw new IllegalStateException("The " + what + " file holds a public key of another private key");
		}
	}
}
