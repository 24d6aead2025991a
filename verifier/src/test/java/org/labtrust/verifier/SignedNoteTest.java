package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SignedNote (C2SP signed-note)")
class SignedNoteTest {

    private static final NoteVerifierKey PETER = NoteVerifierKey.parse(GoNoteVectors.PETER_KEY);
    private static final NoteVerifierKey ENOCH = NoteVerifierKey.parse(GoNoteVectors.ENOCH_KEY);
    private static final String TEXT = GoNoteVectors.TEXT;

    @Test
    @DisplayName("Go's signed note verifies with Go's key and yields its text")
    void goNote() throws VerificationException {
        SignedNote note = SignedNote.parse(GoNoteVectors.PETER_NOTE);
        assertEquals(TEXT, note.text());
        assertEquals(1, note.signatures().size());
        assertEquals("PeterNeumann", note.signatures().get(0).keyName());
        assertEquals(0xc74f20a3, note.signatures().get(0).keyId());
        assertEquals(TEXT, note.verify(PETER));
    }

    @Test
    @DisplayName("The test signer reproduces Go's signature from Go's private key, byte for byte")
    void signerMatchesGo() {
        byte[] seed = Base64.getDecoder().decode(GoNoteVectors.PETER_PRIVATE);
        assertEquals(1, seed[0], "algorithm byte");
        NoteSigner signer = NoteSigner.fromSeed(Arrays.copyOfRange(seed, 1, 33), PETER);
        assertEquals(GoNoteVectors.PETER_NOTE, signer.sign(TEXT));
    }

    @Test
    @DisplayName("Signatures by other keys are ignored; the note verifies with whichever known key signed it")
    void unknownSignaturesIgnored() throws VerificationException {
        String both = TEXT + "\n" + GoNoteVectors.PETER_SIGNATURE + GoNoteVectors.ENOCH_SIGNATURE;
        assertEquals(TEXT, SignedNote.parse(both).verify(PETER));
        assertEquals(TEXT, SignedNote.parse(both).verify(ENOCH));

        NoteSigner stranger = NoteSigner.generate("PeterNeumann"); // same name, other key ID
        String withStranger = TEXT + "\n" + stranger.signatureLine(TEXT + "tampered\n") + GoNoteVectors.PETER_SIGNATURE;
        assertEquals(TEXT, SignedNote.parse(withStranger).verify(PETER));
    }

    @Test
    @DisplayName("A note without a signature by the key is refused, naming the key")
    void noSignatureByKey() {
        NoteSigner other = NoteSigner.generate("labtrust.example/reports");
        VerificationException e = assertThrows(VerificationException.class,
                () -> SignedNote.parse(GoNoteVectors.PETER_NOTE).verify(other.verifierKey()));
        NoteVerifierKey key = other.verifierKey();
        assertTrue(e.getMessage().contains(key.name() + "+" + String.format("%08x", key.keyId())), e.getMessage());
        assertThrows(VerificationException.class, () -> SignedNote.parse(TEXT + "\n" + GoNoteVectors.ENOCH_SIGNATURE)
                .verify(PETER));
    }

    @Test
    @DisplayName("A bad signature by the known key rejects the note, even next to a good one")
    void badSignatureByKnownKey() {
        NoteSigner signer = NoteSigner.generate("labtrust.example/reports");
        String good = signer.signatureLine(TEXT);
        String bad = signer.signatureLine("another text\n");
        assertThrows(VerificationException.class, () -> SignedNote.parse(TEXT + "\n" + bad).verify(signer.verifierKey()));
        assertThrows(VerificationException.class,
                () -> SignedNote.parse(TEXT + "\n" + good + bad).verify(signer.verifierKey()));
    }

    @Test
    @DisplayName("Changing any one character of the text or the signature makes the note fail")
    void everyByteMatters() {
        String note = GoNoteVectors.PETER_NOTE;
        for (int i = 0; i < note.length(); i++) {
            char[] chars = note.toCharArray();
            chars[i] = chars[i] == 'a' ? 'b' : 'a';
            String changed = new String(chars);
            Exception e = assertThrows(Exception.class, () -> SignedNote.parse(changed).verify(PETER), "offset " + i);
            assertTrue(e instanceof VerificationException || e instanceof IllegalArgumentException, e.toString());
        }
    }

    @Test
    @DisplayName("Generated keys sign and verify notes whose text has blank lines of its own")
    void generatedKeyAndBlankLines() throws VerificationException {
        NoteSigner signer = NoteSigner.generate("labtrust.example/reports");
        String text = "first\n\nafter a blank line\n";
        SignedNote note = SignedNote.parse(signer.sign(text));
        assertEquals(text, note.text());
        assertEquals(text, note.verify(signer.verifierKey()));
    }

    @Test
    @DisplayName("Malformed notes are refused (Go's list, and more)")
    void malformed() {
        String sig = GoNoteVectors.PETER_SIGNATURE;
        List<String> bad = List.of(
                TEXT,
                TEXT + "\n",
                TEXT + "\n" + sig.substring(0, sig.length() - 1),
                "\u0001" + TEXT + "\n" + sig,
                TEXT.replace("\n", "\r\n") + "\n" + sig,
                "tab\there\n\n" + sig,
                TEXT + "\n" + sig.replace("PeterNeumann", "Bad Name"),
                TEXT + "\n" + sig + "Unexpected line.\n",
                TEXT + "\n" + sig.replace("\u2014 ", "- "),
                TEXT + "\n" + sig.replace("=\n", "\n"),
                TEXT + "\n" + "\u2014 PeterNeumann AAAAAA==\n",
                TEXT + "\n" + "\u2014 PeterNeumann\n",
                "\ud800" + TEXT + "\n" + sig);
        for (String note : bad) {
            assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(note), note);
        }
    }

    @Test
    @DisplayName("Up to 100 signatures are read; more, or more than 1 MiB, is refused")
    void limits() throws VerificationException {
        String sig = GoNoteVectors.PETER_SIGNATURE;
        assertEquals(TEXT, SignedNote.parse(TEXT + "\n" + sig.repeat(100)).verify(PETER));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(TEXT + "\n" + sig.repeat(101)));

        String big = "x".repeat(SignedNote.MAX_BYTES) + "\n";
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(big + "\n" + sig));
        // Counted in UTF-8 bytes, not in Java chars: each é is two bytes.
        String wide = "é".repeat(SignedNote.MAX_BYTES / 2) + "\n";
        assertThrows(IllegalArgumentException.class, () -> SignedNote.parse(wide + "\n" + sig));
    }

    @Test
    @DisplayName("Signature bytes are kept apart from the key ID")
    void signatureBytes() {
        SignedNote.Signature s = SignedNote.parse(GoNoteVectors.PETER_NOTE).signatures().get(0);
        String line = GoNoteVectors.PETER_SIGNATURE.trim();
        byte[] all = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
        assertArrayEquals(Arrays.copyOfRange(all, 4, all.length), s.signature());
    }
}
