package org.labtrust.reports.internal.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.labtrust.shared.crypto.Ed25519KeyFile;

/**
 * The log's Ed25519 key and the C2SP signed-note format it signs checkpoints in. The key file holds
 * a PKCS#8 private key and its X.509 public key, both PEM (as {@code openssl genpkey -algorithm
 * ed25519} and {@code openssl pkey -pubout} write them).
 */
public final class LogSigner {

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
		this.publicKey = Ed25519KeyFile.raw(publicKey);
		this.keyId = keyId(name, this.publicKey);
	}

	/** Loads the key file; when it is missing and {@code generate} is set, creates it (mode 600). */
	public static LogSigner load(String name, Path file, boolean generate) {
		KeyPair pair = Ed25519KeyFile.load(file, generate, "log signing key");
		return new LogSigner(name, pair.getPrivate(), pair.getPublic());
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
}
