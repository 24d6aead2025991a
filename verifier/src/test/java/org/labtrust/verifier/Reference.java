package org.labtrust.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads reference/rfc6962_published.json (vectors from transparency-dev/merkle) from the
 * directory in system property {@code labtrust.reference.dir}, else from the test classpath.
 */
final class Reference {

    static final String FILE = "rfc6962_published.json";

    private static Map<String, Object> root;

    private Reference() {
    }

    @SuppressWarnings("unchecked")
    static synchronized Map<String, Object> json() {
        if (root == null) {
            root = (Map<String, Object>) Json.parse(read());
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(String key) {
        return (List<Map<String, Object>>) json().get(key);
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object list) {
        return (List<String>) list;
    }

    static List<byte[]> hashes(Object hexList) {
        return strings(hexList).stream().map(Hex::decode).collect(Collectors.toList());
    }

    static byte[] hash(Map<String, Object> vector, String key) {
        return Hex.decode((String) vector.get(key));
    }

    /** A JSON integer as Java's signed long; uint64 values above Long.MAX_VALUE go negative. */
    static long uint64(Map<String, Object> vector, String key) {
        return ((Number) vector.get(key)).longValue(); // beyond a long, Json gives a BigDecimal: the low 64 bits
    }

    static List<byte[]> leaves() {
        return hashes(json().get("leaves_hex"));
    }

    static byte[] root(long size) {
        return Hex.decode(strings(json().get("roots")).get((int) size));
    }

    private static String read() {
        String dir = System.getProperty("labtrust.reference.dir");
        try {
            if (dir != null && Files.isRegularFile(Path.of(dir, FILE))) {
                return Files.readString(Path.of(dir, FILE), StandardCharsets.UTF_8);
            }
            try (InputStream in = Reference.class.getResourceAsStream("/reference/" + FILE)) {
                if (in == null) {
                    throw new IllegalStateException("reference/" + FILE + " is not on the test classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
