package org.labtrust.verifier;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3797 publicly verifiable random selection, as the platform uses it for assessment teams and
 * inspection draws: from the key string of the public sources and the ordered pool, anyone
 * recomputes who was drawn. Written here again, apart from the platform's code, on purpose.
 */
public final class RandomDraw {

    private RandomDraw() {
    }

    /** RFC 3797 §4 for integer sources: each source's numbers ascending, each followed by ".", each source by "/". */
    public static String keyString(List<List<Long>> sources) {
        StringBuilder key = new StringBuilder();
        for (List<Long> source : sources) {
            if (source.isEmpty()) {
                throw new IllegalArgumentException("empty source");
            }
            for (long number : source.stream().sorted().toList()) {
                if (number < 0) {
                    throw new IllegalArgumentException("negative number in a source");
                }
                key.append(number).append('.');
            }
            key.append('/');
        }
        return key.toString();
    }

    /** RFC 3797 §5: the 0-based pool positions of {@code count} selections, in the order drawn. */
    public static List<Integer> select(String key, int poolSize, int count) {
        if (count < 0 || count > poolSize || poolSize > 65535) {
            throw new IllegalArgumentException("cannot draw " + count + " of " + poolSize);
        }
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < poolSize; i++) {
            left.add(i);
        }
        List<Integer> drawn = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] digest = md5(i, key);
            drawn.add(left.remove(new BigInteger(1, digest).mod(BigInteger.valueOf(left.size())).intValue()));
        }
        return drawn;
    }

    static byte[] md5(int i, String key) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(new byte[] { (byte) (i >> 8), (byte) i });
            md5.update(key.getBytes(StandardCharsets.US_ASCII));
            md5.update(new byte[] { (byte) (i >> 8), (byte) i });
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
