package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("NoteVerifierKey (sumdb/note verifier keys, C2SP signed-note key IDs)")
class NoteVerifierKeyTest {

    private static final byte[] GO_TEXT = GoNoteVectors.TEXT.getBytes(StandardCharsets.UTF_8);

    /** The Ed25519 signature (without key ID) of Go's Peter note. */
    private static byte[] peterSignature() {
        String line = GoNoteVectors.PETER_SIGNATURE.trim();
        byte[] idAndSignature = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
        return Arrays.copyOfRange(idAndSignature, 4, idAndSignature.length);
    }

    @Test
    @DisplayName("Go's PeterNeumann key parses, with its name, key ID and public key, and prints back the same")
    void goVector() {
        NoteVerifierKey key = NoteVerifierKey.parse(GoNoteVectors.PETER_KEY);
        assertEquals("PeterNeumann", key.name());
        assertEquals(0xc74f20a3, key.keyId());
        byte[] typeAndKey = Base64.getDecoder().decode("ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertArrayEquals(Arrays.copyOfRange(typeAndKey, 1, 33), key.publicKey());
        assertEquals(GoNoteVectors.PETER_KEY, key.toString());
        assertEquals(key, NoteVerifierKey.ofEd25519("PeterNeumann", key.publicKey()));
    }

    @Test
    @DisplayName("Go's signature verifies; a changed message, a changed signature or a short one does not")
    void verifiesGoSignature() {
        NoteVerifierKey key = NoteVerifierKey.parse(GoNoteVectors.PETER_KEY);
        byte[] signature = peterSignature();
        assertTrue(key.verify(GO_TEXT, signature));

        byte[] otherText = GO_TEXT.clone();
        otherText[0] ^= 1;
        assertFalse(key.verify(otherText, signature));
        for (int i = 0; i < signature.length; i++) {
            byte[] bad = signature.clone();
            bad[i] ^= 0x10;
            assertFalse(key.verify(GO_TEXT, bad), "byte " + i);
        }
        assertFalse(key.verify(GO_TEXT, Arrays.copyOf(signature, 63)));
        assertFalse(key.verify(GO_TEXT, new byte[0]));
        assertFalse(NoteVerifierKey.parse(GoNoteVectors.ENOCH_KEY).verify(GO_TEXT, signature), "another key");
    }

    @Test
    @DisplayName("Every proper substring of a key and every one-byte increment is refused (Go's mangling test)")
    void manglingsRefused() {
        String key = GoNoteVectors.PETER_KEY;
        for (int i = 0; i <= key.length(); i++) {
            for (int j = i + 1; j <= key.length(); j++) {
                if (i != 0 || j != key.length()) {
                    String part = key.substring(i, j);
                    assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(part), part);
                }
            }
        }
        for (int i = 0; i < key.length(); i++) {
            char[] chars = key.toCharArray();
            chars[i]++;
            String mangled = new String(chars);
            assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(mangled), mangled);
        }
    }

    @Test
    @DisplayName("A key of the wrong length or of another algorithm is refused even when its key ID matches")
    void wrongLengthOrAlgorithm() {
        // Go's test keys with the key hash adjusted to the bytes.
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(
                "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="));
        byte[] longer = new byte[34];
        longer[0] = 1;
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(
                "PeterNeumann+00000000+" + Base64.getEncoder().encodeToString(longer)));
        assertTrue(length.getMessage().contains("32 bytes"), length.getMessage());
        IllegalArgumentException algorithm = assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        assertTrue(algorithm.getMessage().contains("Ed25519"), algorithm.getMessage());
    }

    @Test
    @DisplayName("A key ID that does not match the key is refused with the ID it should have")
    void keyIdMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(
                "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
        assertTrue(e.getMessage().contains("c74f20a3"), e.getMessage());
        // The same key under another name has another ID.
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(
                "PeterNeuman+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    }

    @Test
    @DisplayName("The key ID is SHA-256(name || 0x0A || 0x01 || key)[:4] for generated keys too")
    void generatedKeyId() throws Exception {
        NoteSigner signer = NoteSigner.generate("labtrust.example/reports");
        NoteVerifierKey key = signer.verifierKey();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update("labtrust.example/reports\n".getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 1);
        byte[] digest = sha.digest(key.publicKey());
        assertEquals(Hex.encode(Arrays.copyOf(digest, 4)), String.format("%08x", key.keyId()));
        assertEquals(key, NoteVerifierKey.parse(key.toString()));
    }

    @Test
    @DisplayName("Empty names, names with a space, '+' or control character, and keys not 32 bytes long are refused")
    void badNames() {
        byte[] raw = NoteVerifierKey.parse(GoNoteVectors.PETER_KEY).publicKey();
        for (String name : new String[] {"", "a b", "a\u00a0b", "a\u2003b", "a\tb", "a\u0085b", "a+b"}) {
            assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.ofEd25519(name, raw), name);
        }
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.ofEd25519("ok", Arrays.copyOf(raw, 31)));
    }

    @Test
    @DisplayName("Uppercase hex in the key ID is accepted, as Go accepts it; non-canonical base64 is not")
    void encodings() {
        assertEquals(0xc74f20a3, NoteVerifierKey.parse(
                "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW").keyId());
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(
                "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW="));
        assertThrows(IllegalArgumentException.class, () -> NoteVerifierKey.parse(
                "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T\nW"));
    }
}
