package org.labtrust.reports.internal.log;

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
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log's Ed25519 key and the C2SP signed-note format it signs checkpoints in. The key file holds
 * a PKCS#8 private key and its X.509 public key, both PEM (as {@code openssl genpkey -algorithm
 * ed25519} and {@code openssl pkey -pubout} write them).
 */
public final class LogSigner {

	private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	/** X.509 SubjectPublicKeyInfo prefix of an Ed25519 key; the raw 32 bytes follow. */
	private static final int SPKI_PREFIX = 12;

	private final String name;

	private final PrivateKey privateKey;

	private final byte[] publicKey;

	private final byte[] keyId;

	private LogSigner(String name, PrivateKey privateKey, PublicKey publicKey) {
		if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
			throw new IllegalArgumentException("key name must be non-empty, without spaces or '+': " + name);
		}
		this.name = name;
		this.privateKey = privateKey;
		byte[] spki = publicKey.getEncoded();
		this.publicKey = Arrays.copyOfRange(spki, SPKI_PREFIX, spki.length);
		this.keyId = keyId(name, this.publicKey);
	}

	/** Loads the key file; when it is missing and {@code generate} is set, creates it (mode 600). */
	public static LogSigner load(String name, Path file, boolean generate) {
		try {
			if (!Files.exists(file)) {
				if (!generate) {
					throw new IllegalStateException("The log signing key file " + file.toAbsolutePath()
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
				throw new IllegalStateException("The log signing key file " + file.toAbsolutePath()
						+ " must hold an Ed25519 PRIVATE KEY and its PUBLIC KEY (PEM)");
			}
			LogSigner signer = new LogSigner(name, privateKey, publicKey);
			signer.checkPair();
			return signer;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read the log signing key " + file.toAbsolutePath(), e);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The log signing key " + file.toAbsolutePath() + " is not a valid Ed25519 key", e);
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
		byte[] probe = "labtrust key check".getBytes(StandardCharsets.US_ASCII);
		Signature verify = Signature.getInstance("Ed25519");
		verify.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki(publicKey))));
		verify.update(probe);
		if (!verify.verify(sign(probe))) {
			throw new IllegalStateException("The log signing key file holds a public key of another private key");
		}
	}

	public String name() {
		return name;
	}

	/** {@code <name>+<key ID hex>+<base64(0x01 || public key)>}, as Go's sumdb/note reads it. */
	public String verifierKey() {
		byte[] typed = new byte[1 + publicKey.length];
		typed[0] = 1;
		System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
		return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
	}

	/** The checkpoint body of tlog-checkpoint: origin, size, root, each line ending in a newline. */
	public static String checkpointText(String origin, long size, byte[] root) {
		return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
	}

	/** The text followed by a blank line and this key's signature line. */
	public String signNote(String text) {
		byte[] signature = sign(text.getBytes(StandardCharsets.UTF_8));
		byte[] tagged = new byte[4 + signature.length];
		System.arraycopy(keyId, 0, tagged, 0, 4);
		System.arraycopy(signature, 0, tagged, 4, signature.length);
		return text + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(tagged) + "\n";
	}

	private byte[] sign(byte[] message) {
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

	private static byte[] keyId(String name, byte[] publicKey) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(name.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) '\n');
			sha256.update((byte) 1);
			return Arrays.copyOf(sha256.digest(publicKey), 4);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] spki(byte[] raw) {
		byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
		byte[] spki = Arrays.copyOf(prefix, prefix.length + raw.length);
		System.arraycopy(raw, 0, spki, prefix.length, raw.length);
		return spki;
	}
}
