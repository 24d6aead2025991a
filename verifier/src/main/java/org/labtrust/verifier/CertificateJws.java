package org.labtrust.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies an electronic CMA certificate as the platform signs it (docs/certificate-format.md): a
 * JWS in compact serialization (RFC 7515) with an Ed25519 signature (RFC 8037), against the
 * platform's public keys as a JWK Set (RFC 7517). Only {@code alg} {@code EdDSA} is accepted, so
 * a token cannot choose {@code none} or a MAC keyed with the public key; the key is looked up by
 * {@code kid}, and must be an OKP Ed25519 key meant for signatures.
 */
public final class CertificateJws {

    /** The protected header's {@code typ} (explicit typing, RFC 8725 §3.11). */
    public static final String HEADER_TYPE = "labtrust-cma-certificate+jws";

    /** The payload's {@code typ}: the version of the certificate document. */
    public static final String PAYLOAD_TYPE = "labtrust-cma-certificate/v1";

    /** Larger tokens are refused before any decoding (a certificate of thousands of rows is far smaller). */
    public static final int MAX_CHARS = 8 << 20;

    /** Header parameters this verifier understands; any other is refused, so nothing is silently ignored. */
    private static final Set<String> HEADER_PARAMETERS = Set.of("alg", "kid", "typ");

    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private CertificateJws() {
    }

    /** One scope row as signed. */
    public record ScopeLine(long line, String objectName, String parameterName, String methodCode, String methodTitle,
            String limitation, String status) {
    }

    /**
     * A certificate whose signature verified, with the facts it states.
     *
     * @param keyId the {@code kid} of the key that signed it
     * @param payloadJson the signed payload, exactly as signed (UTF-8 decoded)
     */
    public record Verified(String keyId, String payloadJson, String number, String bodyName, String creditCode,
            String address, String authorityCode, String authorityName, String fieldCode, String industryCode,
            String issuedOn, String validUntil, String status, String signedAt, List<ScopeLine> scope) {
    }

    /**
     * Verifies {@code compact} against the keys in {@code jwks}.
     *
     * @throws VerificationException naming what does not hold: a malformed token or key set, an
     *         algorithm other than EdDSA, an unknown key, a signature that does not verify, or a
     *         payload that is not a certificate
     */
    public static Verified verify(String compact, String jwks) throws VerificationException {
        Map<String, PublicKey> keys = keys(jwks);
        String token = compact.strip();
        if (token.length() > MAX_CHARS) {
            throw new VerificationException("the JWS is longer than " + MAX_CHARS + " characters");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new VerificationException("not a JWS in compact serialization: expected 3 parts separated by '.', found "
                    + parts.length);
        }
        Map<String, Object> header = jsonObject(utf8(base64Url(parts[0], "the protected header")), "the protected header");
        for (String name : header.keySet()) {
            if (!HEADER_PARAMETERS.contains(name)) {
                throw new VerificationException("the header has the parameter \"" + name
                        + "\", which this verifier does not accept (only alg, kid, typ)");
            }
        }
        Object alg = header.get("alg");
        if (!"EdDSA".equals(alg)) {
            throw new VerificationException("the header's alg is " + describe(alg) + "; only EdDSA (Ed25519) is accepted");
        }
        Object typ = header.get("typ");
        if (typ != null && !HEADER_TYPE.equals(typ)) {
            throw new VerificationException("the header's typ is " + describe(typ) + ", not " + HEADER_TYPE);
        }
        Object kid = header.get("kid");
        if (!(kid instanceof String)) {
            throw new VerificationException("the header has no kid");
        }
        PublicKey key = keys.get(kid);
        if (key == null) {
            throw new VerificationException("the JWS was signed with key " + kid + ", which is not in the key set "
                    + keys.keySet());
        }
        byte[] signature = base64Url(parts[2], "the signature");
        if (signature.length != 64) {
            throw new VerificationException("an Ed25519 signature has 64 bytes, this one " + signature.length);
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(signature)) {
                throw new VerificationException("the signature does not verify with key " + kid
                        + ": the certificate was altered or signed by another key");
            }
        } catch (java.security.SignatureException e) {
            throw new VerificationException("the signature does not verify with key " + kid + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot verify Ed25519", e);
        }
        String payloadJson = utf8(base64Url(parts[1], "the payload"));
        return certificate((String) kid, payloadJson);
    }

    /**
     * The Ed25519 signature keys of a JWK Set, by {@code kid}. Keys of other types, or meant for
     * encryption, are skipped; a malformed Ed25519 key is refused.
     */
    public static Map<String, PublicKey> keys(String jwks) throws VerificationException {
        Map<String, Object> set = jsonObject(jwks, "the key set");
        if (!(set.get("keys") instanceof List<?> list)) {
            throw new VerificationException("the key set has no \"keys\" array");
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> jwk)) {
                throw new VerificationException("the key set holds something other than a key object");
            }
            if (!"OKP".equals(jwk.get("kty")) || !"Ed25519".equals(jwk.get("crv"))
                    || (jwk.get("use") != null && !"sig".equals(jwk.get("use")))
                    || (jwk.get("alg") != null && !"EdDSA".equals(jwk.get("alg")))) {
                continue;
            }
            if (!(jwk.get("kid") instanceof String kid) || !(jwk.get("x") instanceof String x)) {
                throw new VerificationException("an Ed25519 key in the key set lacks kid or x");
            }
            if (jwk.containsKey("d")) {
                throw new VerificationException("the key set holds the private part of key " + kid);
            }
            byte[] raw = base64Url(x, "the x of key " + kid);
            if (raw.length != 32) {
                throw new VerificationException("key " + kid + " has " + raw.length + " bytes, an Ed25519 key 32");
            }
            if (keys.put(kid, publicKey(raw)) != null) {
                throw new VerificationException("the key set has two keys with kid " + kid);
            }
        }
        if (keys.isEmpty()) {
            throw new VerificationException("the key set has no Ed25519 signature key");
        }
        return keys;
    }

    /** The RFC 7638 thumbprint of an Ed25519 public key (RFC 8037 §2), base64url: the platform's kid. */
    public static String thumbprint(byte[] rawPublicKey) {
        String x = Base64.getUrlEncoder().withoutPadding().encodeToString(rawPublicKey);
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(members.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Verified certificate(String kid, String payloadJson) throws VerificationException {
        Map<String, Object> payload = jsonObject(payloadJson, "the payload");
        if (!PAYLOAD_TYPE.equals(payload.get("typ"))) {
            throw new VerificationException("the payload's typ is " + describe(payload.get("typ")) + ", not "
                    + PAYLOAD_TYPE);
        }
        Map<?, ?> body = payload.get("body") instanceof Map<?, ?> m ? m : Map.of();
        List<ScopeLine> scope = new ArrayList<>();
        if (!(payload.get("scope") instanceof List<?> rows)) {
            throw new VerificationException("the payload has no scope array");
        }
        for (Object row : rows) {
            if (!(row instanceof Map<?, ?> r) || !(r.get("line") instanceof Long line)) {
                throw new VerificationException("a scope row is not an object with a line number");
            }
            scope.add(new ScopeLine(line, text(r, "objectName"), text(r, "parameterName"), text(r, "methodCode"),
                    text(r, "methodTitle"), text(r, "limitation"), text(r, "status")));
        }
        String number = text(payload, "number");
        if (number == null || !number.matches("\\d{12}")) {
            throw new VerificationException("the payload's number is " + describe(payload.get("number"))
                    + ", not a 12-digit CMA number");
        }
        return new Verified(kid, payloadJson, number, text(body, "name"), text(body, "creditCode"),
                text(body, "address"), text(payload, "authorityCode"), text(payload, "authorityName"),
                text(payload, "fieldCode"), text(payload, "industryCode"), text(payload, "issuedOn"),
                text(payload, "validUntil"), text(payload, "status"), text(payload, "signedAt"), List.copyOf(scope));
    }

    private static String text(Map<?, ?> object, String name) throws VerificationException {
        Object value = object.get(name);
        if (value != null && !(value instanceof String)) {
            throw new VerificationException("the payload's " + name + " is not a string");
        }
        return (String) value;
    }

    private static PublicKey publicKey(byte[] raw) throws VerificationException {
        byte[] spki = new byte[ED25519_SPKI_PREFIX.length + raw.length];
        System.arraycopy(ED25519_SPKI_PREFIX, 0, spki, 0, ED25519_SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new VerificationException("not a valid Ed25519 public key: " + e.getMessage());
        }
    }

    /** Base64url without padding (RFC 7515 §2), canonical only: one text per byte string. */
    private static byte[] base64Url(String text, String what) throws VerificationException {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(text);
            if (Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new VerificationException(what + " is not canonical unpadded base64url");
    }

    private static String utf8(byte[] bytes) throws VerificationException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new VerificationException("not valid UTF-8");
        }
    }

    private static Map<String, Object> jsonObject(String text, String what) throws VerificationException {
        try {
            return Json.object(text, what);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(what + ": " + e.getMessage());
        }
    }

    private static String describe(Object value) {
        return value == null ? "missing" : "\"" + value + "\"";
    }
}
