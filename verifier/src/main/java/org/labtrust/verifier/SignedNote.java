package org.labtrust.verifier;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one or more signature lines
 * {@code — <key name> <base64(4-byte key ID || signature)>}. Parsing only splits the note;
 * {@link #verify} decides whether its text may be trusted.
 */
public final class SignedNote {

    /** Longest note accepted, in UTF-8 bytes; a checkpoint is a few hundred. */
    public static final int MAX_BYTES = 1 << 20;
    /** Most signature lines accepted (the spec asks for at least 16). */
    public static final int MAX_SIGNATURES = 100;

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /** One signature line. {@code signature} excludes the key ID. */
    public record Signature(String keyName, int keyId, byte[] signature) {

        public Signature {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    private final String text;
    private final List<Signature> signatures;

    private SignedNote(String text, List<Signature> signatures) {
        this.text = text;
        this.signatures = signatures;
    }

    /**
     * Splits a note into its text and signature lines.
     *
     * @throws IllegalArgumentException if the note is longer than {@value #MAX_BYTES} bytes, holds
     *     a control character other than newline or a lone surrogate, has no blank line before its
     *     signatures, or has a malformed signature line
     */
    public static SignedNote parse(String note) {
        Objects.requireNonNull(note, "note");
        if (note.length() > MAX_BYTES || utf8Length(note) > MAX_BYTES) {
            throw new IllegalArgumentException("note is longer than " + MAX_BYTES + " bytes");
        }
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("note holds control character U+"
                        + String.format("%04X", (int) c) + " at offset " + i);
            }
        }
        // The text ends at the last blank line; signature lines cannot contain one.
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new IllegalArgumentException("note must end with signature lines, each ending in a newline");
        }
        List<String> lines = Arrays.asList(block.substring(0, block.length() - 1).split("\n", -1));
        if (lines.size() > MAX_SIGNATURES) {
            throw new IllegalArgumentException("note has more than " + MAX_SIGNATURES + " signatures");
        }
        List<Signature> signatures = new ArrayList<>(lines.size());
        for (String line : lines) {
            signatures.add(signatureLine(line));
        }
        return new SignedNote(text, Collections.unmodifiableList(signatures));
    }

    private static Signature signatureLine(String line) {
        int space = line.indexOf(' ', SIGNATURE_PREFIX.length());
        if (!line.startsWith(SIGNATURE_PREFIX) || space < 0) {
            throw new IllegalArgumentException("not a signature line: '" + line + "'");
        }
        String name = line.substring(SIGNATURE_PREFIX.length(), space);
        if (!NoteVerifierKey.isValidName(name)) {
            throw new IllegalArgumentException("bad key name in signature line: '" + line + "'");
        }
        byte[] idAndSignature = Base64Strict.decode(line.substring(space + 1), "signature of " + name);
        if (idAndSignature.length < 5) {
            throw new IllegalArgumentException("signature of " + name + " is too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(idAndSignature);
        int keyId = buffer.getInt();
        byte[] signature = new byte[buffer.remaining()];
        buffer.get(signature);
        return new Signature(name, keyId, signature);
    }

    private static int utf8Length(String note) {
        try {
            return StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(note)).remaining();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("note is not valid Unicode (lone surrogate)");
        }
    }

    /** The signed text, ending in a newline. Trust it only after {@link #verify}. */
    public String text() {
        return text;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    /**
     * Checks the note's signatures by {@code key} and returns the text they sign. Signatures by
     * other keys (another name or key ID) are ignored, as C2SP signed-note requires.
     *
     * @throws VerificationException if no signature line is by {@code key}, or one that is does
     *     not verify (a bad signature by a trusted key rejects the whole note)
     */
    public String verify(NoteVerifierKey key) throws VerificationException {
        Objects.requireNonNull(key, "key");
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        boolean signed = false;
        for (Signature s : signatures) {
            if (s.keyName().equals(key.name()) && s.keyId() == key.keyId()) {
                if (!key.verify(message, s.signature)) {
                    throw new VerificationException("the signature by " + key.label() + " does not verify");
                }
                signed = true;
            }
        }
        if (!signed) {
            throw new VerificationException("the note has no signature by " + key.label());
        }
        return text;
    }
}
