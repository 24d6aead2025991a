package org.labtrust.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An Ed25519 note verifier key in the format of Go's {@code golang.org/x/mod/sumdb/note}:
 * {@code <name>+<key ID as 8 hex digits>+<base64(0x01 || 32-byte public key)>}, where the key ID
 * is {@code SHA-256(name || 0x0A || 0x01 || public key)[:4]} (C2SP signed-note).
 */
public final class NoteVerifierKey {

    /** The signature type byte of Ed25519 in C2SP signed-note. */
    static final byte ED25519 = 0x01;

    private static final int PUBLIC_KEY_SIZE = 32;
    private static final int SIGNATURE_SIZE = 64;
    /** DER of an X.509 SubjectPublicKeyInfo for Ed25519 up to the 32 raw key bytes (RFC 8410). */
    private static final byte[] SPKI_PREFIX = Hex.decode("302a300506032b6570032100");

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final PublicKey jcaKey;

    private NoteVerifierKey(String name, byte[] publicKey) {
        this.name = name;
        this.publicKey = publicKey;
        this.keyId = keyId(name, publicKey);
        try {
            byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + PUBLIC_KEY_SIZE);
            System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, PUBLIC_KEY_SIZE);
            this.jcaKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a usable Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@code name+keyid+base64}.
     *
     * @throws IllegalArgumentException naming what is wrong: the shape, the name, the key ID, the
     *     base64, the algorithm byte, the key length, or a key ID that does not match the key
     */
    public static NoteVerifierKey parse(String verifierKey) {
        Objects.requireNonNull(verifierKey, "verifierKey");
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        String name = parts[0];
        checkName(name);
        if (parts[1].length() != 8) {
            throw new IllegalArgumentException("the key ID must be 8 hex digits, got '" + parts[1] + "'");
        }
        int claimedId;
        try {
            claimedId = ByteBuffer.wrap(Hex.decode(parts[1])).getInt();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key ID must be 8 hex digits, got '" + parts[1] + "'");
        }
        byte[] typeAndKey = Base64Strict.decode(parts[2], "the key");
        if (typeAndKey.length == 0 || typeAndKey[0] != ED25519) {
            throw new IllegalArgumentException("unsupported key type: only Ed25519 (0x01) keys are accepted");
        }
        if (typeAndKey.length != 1 + PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 key is 32 bytes, got " + (typeAndKey.length - 1));
        }
        NoteVerifierKey key = new NoteVerifierKey(name, Arrays.copyOfRange(typeAndKey, 1, typeAndKey.length));
        if (key.keyId != claimedId) {
            throw new IllegalArgumentException("key ID " + parts[1] + " does not match the key, whose ID is "
                    + String.format("%08x", key.keyId));
        }
        return key;
    }

    /** The verifier key for a raw 32-byte Ed25519 public key, with its key ID computed. */
    public static NoteVerifierKey ofEd25519(String name, byte[] publicKey) {
        checkName(Objects.requireNonNull(name, "name"));
        if (Objects.requireNonNull(publicKey, "publicKey").length != PUBLIC_KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 key is 32 bytes, got " + publicKey.length);
        }
        return new NoteVerifierKey(name, publicKey.clone());
    }

    /**
     * Whether {@code name} may name a key: non-empty, no Unicode space, no '+'. Control
     * characters are refused too, since a signed note may not contain them.
     */
    static boolean isValidName(String name) {
        return !name.isEmpty() && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c));
    }

    private static void checkName(String name) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException("a key name must be non-empty, without spaces, '+' or control "
                    + "characters, got '" + name + "'");
        }
    }

    static int keyId(String name, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(ED25519);
            sha.update(publicKey);
            return ByteBuffer.wrap(sha.digest()).getInt();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public String name() {
        return name;
    }

    /** The 4-byte key ID as a big-endian int. */
    public int keyId() {
        return keyId;
    }

    /** The raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** {@code name+keyid}: how signature lines and error messages identify the key. */
    String label() {
        return name + "+" + String.format("%08x", keyId);
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}; never throws. */
    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(jcaKey);
            ed25519.update(message);
            return ed25519.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // The JDK throws for signatures or keys that do not decode to curve points.
            return false;
        }
    }

    /** The encoded form, {@code name+keyid+base64}. */
    @Override
    public String toString() {
        byte[] typeAndKey = new byte[1 + PUBLIC_KEY_SIZE];
        typeAndKey[0] = ED25519;
        System.arraycopy(publicKey, 0, typeAndKey, 1, PUBLIC_KEY_SIZE);
        return label() + "+" + Base64.getEncoder().encodeToString(typeAndKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteVerifierKey && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
