package org.labtrust.verifier;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed {@code --flag value} pairs. Also decodes hash values in the encoding chosen with
 * {@code --encoding hex|base64} (default hex), which every command accepts.
 */
final class CliArgs {

    static final String ENCODING = "--encoding";

    private final Map<String, String> values;
    private final boolean base64;

    private CliArgs(Map<String, String> values, boolean base64) {
        this.values = values;
        this.base64 = base64;
    }

    static CliArgs parse(List<String> args, Set<String> allowed) throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            if (!allowed.contains(flag) && !ENCODING.equals(flag)) {
                throw new UsageException("unknown option " + flag);
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(flag + " needs a value");
            }
            if (values.put(flag, args.get(i + 1)) != null) {
                throw new UsageException(flag + " given twice");
            }
        }
        String encoding = values.getOrDefault(ENCODING, "hex");
        if (!encoding.equals("hex") && !encoding.equals("base64")) {
            throw new UsageException("--encoding must be hex or base64");
        }
        return new CliArgs(values, encoding.equals("base64"));
    }

    boolean has(String flag) {
        return values.containsKey(flag);
    }

    String string(String flag) throws UsageException {
        String value = values.get(flag);
        if (value == null) {
            throw new UsageException("missing " + flag);
        }
        return value;
    }

    /** The value of an optional flag, or {@code fallback} when it is absent. */
    String stringOr(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    /** A non-negative decimal number. */
    long size(String flag) throws UsageException {
        String value = string(flag);
        try {
            long n = Long.parseLong(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new UsageException(flag + " must be a non-negative integer, got '" + value + "'");
    }

    /** One hash value, decoded. */
    byte[] bytes(String flag) throws UsageException {
        return decode(flag, string(flag));
    }

    /** A comma-separated list of hashes; an absent or empty flag is an empty list. */
    List<byte[]> byteList(String flag) throws UsageException {
        List<byte[]> out = new ArrayList<>();
        String value = values.getOrDefault(flag, "").trim();
        if (value.isEmpty()) {
            return out;
        }
        for (String part : value.split(",", -1)) {
            out.add(decode(flag, part.trim()));
        }
        return out;
    }

    /** A note verifier key, {@code name+keyid+base64}. */
    NoteVerifierKey verifierKey(String flag) throws UsageException {
        try {
            return NoteVerifierKey.parse(string(flag));
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + ": " + e.getMessage());
        }
    }

    /** An http or https URL. */
    URI url(String flag) throws UsageException {
        String value = string(flag);
        try {
            URI uri = new URI(value);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // fall through to the usage error
        }
        throw new UsageException(flag + " must be an http or https URL, got '" + value + "'");
    }

    /** A hash for output, in the encoding chosen for input. */
    String encode(byte[] hash) {
        return base64 ? Base64.getEncoder().encodeToString(hash) : Hex.encode(hash);
    }

    private byte[] decode(String flag, String text) throws UsageException {
        try {
            return base64 ? Base64.getDecoder().decode(text) : Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(flag + ": not valid " + (base64 ? "base64" : "hex") + " (" + e.getMessage() + ")");
        }
    }
}
