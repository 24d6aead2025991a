package org.labtrust.identity.internal.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API key: {@code ltk_<id>_<secret>}, where the id (12 base32 characters, 60 bits)
 * names the key in lists and logs and the secret (32 random bytes, base64url) proves possession.
 * Only SHA-256 of the secret is stored. The prefix lets secret scanners recognise leaked keys.
 */
public record ApiKeySecret(String id, String secret) {

	private static final Pattern FORMAT = Pattern.compile("ltk_([a-z2-7]{12})_([A-Za-z0-9_-]{43})");

	private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	public static ApiKeySecret generate() {
		StringBuilder id = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			id.append(BASE32[RANDOM.nextInt(32)]);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return new ApiKeySecret(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
	}

	/** Empty when the text is not shaped like a key (so it cannot be one of ours). */
	public static Optional<ApiKeySecret> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = FORMAT.matcher(text.strip());
		return m.matches() ? Optional.of(new ApiKeySecret(m.group(1), m.group(2))) : Optional.empty();
	}

	public String text() {
		return "ltk_" + id + "_" + secret;
	}

	public byte[] secretSha256() {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		return "ltk_" + id + "_…"; // never the secret, even by accident in a log
	}
}
