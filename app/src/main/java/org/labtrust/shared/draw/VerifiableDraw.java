package org.labtrust.shared.draw;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A publicly verifiable random draw, RFC 3797 (the IETF NomCom selection): the randomness comes
 * from numbers anyone can look up after the fact (lottery results, stock indices), fixed in
 * advance as the sources; anyone who knows the sources and the ordered pool can recompute the
 * selection. MD5 is the RFC's own choice: it mixes public inputs here, it protects no secret.
 */
public final class VerifiableDraw {

	private VerifiableDraw() {
	}

	/**
	 * Sources as people write them: groups separated by {@code /}, numbers by {@code .} or
	 * {@code ,}, e.g. {@code 9319/2.5.8.10.12}.
	 *
	 * @throws IllegalArgumentException when a group is empty or holds anything but non-negative integers
	 */
	public static List<List<Long>> parseSources(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("no sources");
		}
		List<List<Long>> sources = new ArrayList<>();
		for (String group : text.strip().split("/")) {
			List<Long> numbers = new ArrayList<>();
			for (String number : group.split("[.,]")) {
				try {
					numbers.add(Long.parseLong(number.strip()));
				}
				catch (NumberFormatException e) {
					throw new IllegalArgumentException("not a number: '" + number + "'");
				}
			}
			sources.add(numbers);
		}
		return sources;
	}

	/**
	 * The key string of RFC 3797 §4 for sources of non-negative integers: each source's numbers in
	 * ascending order, each followed by a period, each source ended by a slash.
	 */
	public static String keyString(List<List<Long>> sources) {
		StringBuilder key = new StringBuilder();
		for (List<Long> source : sources) {
			if (source.isEmpty() || source.stream().anyMatch(n -> n == null || n < 0)) {
				throw new IllegalArgumentException("a source is one or more non-negative integers");
			}
			for (long number : source.stream().sorted().toList()) {
				key.append(number).append('.');
			}
			key.append('/');
		}
		return key.toString();
	}

	/**
	 * Selects {@code count} of {@code poolSize} candidates (RFC 3797 §5): for the i-th selection
	 * (from 0), MD5 of the 2-byte i, the key and the 2-byte i again, as an unsigned number, modulo
	 * the candidates not yet selected, picks among those in pool order.
	 *
	 * @return the selected candidates' positions in the pool (from 0), in the order drawn
	 */
	public static List<Integer> select(String key, int poolSize, int count) {
		if (count < 0 || count > poolSize || poolSize > 0xffff) {
			throw new IllegalArgumentException("cannot draw " + count + " of " + poolSize);
		}
		List<Integer> remaining = new ArrayList<>(poolSize);
		for (int i = 0; i < poolSize; i++) {
			remaining.add(i);
		}
		List<Integer> selected = new ArrayList<>(count);
		byte[] keyBytes = key.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < count; i++) {
			BigInteger value = new BigInteger(1, md5(i, keyBytes));
			int pick = value.mod(BigInteger.valueOf(remaining.size())).intValue();
			selected.add(remaining.remove(pick));
		}
		return selected;
	}

	/** MD5(u16be(i) || key || u16be(i)). */
	static byte[] md5(int i, byte[] key) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			byte[] index = { (byte) (i >>> 8), (byte) i };
			md5.update(index);
			md5.update(key);
			return md5.digest(index);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
