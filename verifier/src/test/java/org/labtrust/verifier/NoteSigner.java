package org.labtrust.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** Signs notes with Ed25519 the way a log does, so tests can play the log. */
final class NoteSigner {

    /** DER of a PKCS #8 Ed25519 private key up to the 32-byte seed (RFC 8410). */
    private static final byte[] PKCS8_PREFIX = Hex.decode("302e020100300506032b657004220420");

    private final PrivateKey privateKey;
    private final NoteVerifierKey verifierKey;

    private NoteSigner(PrivateKey privateKey, NoteVerifierKey verifierKey) {
        this.privateKey = privateKey;
        this.verifierKey = verifierKey;
    }

    /** A fresh key pair for {@code name}. */
    static NoteSigner generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            return new NoteSigner(pair.getPrivate(), NoteVerifierKey.ofEd25519(name, raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signer for a known 32-byte seed whose public key is {@code verifierKey}. */
    static NoteSigner fromSeed(byte[] seed, NoteVerifierKey verifierKey) {
        try {
            byte[] pkcs8 = Arrays.copyOf(PKCS8_PREFIX, PKCS8_PREFIX.length + seed.length);
            System.arraycopy(seed, 0, pkcs8, PKCS8_PREFIX.length, seed.length);
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new NoteSigner(key, verifierKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    NoteVerifierKey verifierKey() {
        return verifierKey;
    }

    /** {@code text}, a blank line and this key's signature line. */
    String sign(String text) {
        return text + "\n" + signatureLine(text);
    }

    /** {@code — name base64(keyid || Ed25519(text))} and a newline. */
    String signatureLine(String text) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] signature = ByteBuffer.allocate(4 + 64).putInt(verifierKey.keyId()).put(ed25519.sign()).array();
            return "\u2014 " + verifierKey.name() + " " + Base64.getEncoder().encodeToString(signature) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
