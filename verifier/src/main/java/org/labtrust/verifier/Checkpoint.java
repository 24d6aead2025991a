package org.labtrust.verifier;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint: the text of a signed note naming the log (origin), a tree size and the
 * RFC 6962 root hash of the tree of that size, then optional extension lines.
 *
 * @param origin     the first line, identifying the log
 * @param size       the number of entries the checkpoint covers
 * @param rootHash   the 32-byte Merkle tree hash of those entries
 * @param extensions any further lines, opaque and unchecked
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (size < 0 || rootHash.length != MerkleHash.HASH_SIZE) {
            throw new IllegalArgumentException("a checkpoint needs a size >= 0 and a 32-byte root hash");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /**
     * Parses the text of a checkpoint note (without its signatures).
     *
     * @throws IllegalArgumentException unless the text is at least three non-empty lines, each
     *     ending in a newline: a non-empty origin, a decimal size without leading zeros, and a
     *     base64 32-byte root hash, then only non-empty extension lines
     */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("checkpoint text must end with a newline");
        }
        List<String> lines = Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
        if (lines.size() < 3) {
            throw new IllegalArgumentException("checkpoint needs an origin, a size and a root hash line");
        }
        if (lines.contains("")) {
            throw new IllegalArgumentException("checkpoint has an empty line");
        }
        byte[] root = Base64Strict.decode(lines.get(2), "root hash");
        if (root.length != MerkleHash.HASH_SIZE) {
            throw new IllegalArgumentException("root hash is " + root.length + " bytes, not " + MerkleHash.HASH_SIZE);
        }
        return new Checkpoint(lines.get(0), size(lines.get(1)), root, lines.subList(3, lines.size()));
    }

    private static long size(String line) {
        if (!line.matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("tree size must be a decimal number without leading zeros, got '"
                    + line + "'");
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tree size " + line + " is too large");
        }
    }

    /**
     * Verifies a signed checkpoint: a signature by {@code key}, a well-formed body, and the
     * expected origin. The log's key name is usually its origin, so callers without a separate
     * origin pass {@code key.name()}.
     *
     * @throws VerificationException saying which of these fails
     */
    public static Checkpoint verify(String note, NoteVerifierKey key, String expectedOrigin)
            throws VerificationException {
        Objects.requireNonNull(expectedOrigin, "expectedOrigin");
        Checkpoint checkpoint;
        try {
            checkpoint = parse(SignedNote.parse(note).verify(key));
        } catch (IllegalArgumentException e) {
            throw new VerificationException("malformed checkpoint: " + e.getMessage());
        }
        if (!checkpoint.origin().equals(expectedOrigin)) {
            throw new VerificationException("checkpoint is for origin '" + checkpoint.origin() + "', not '"
                    + expectedOrigin + "'");
        }
        return checkpoint;
    }

    /** The note text of this checkpoint, as a log would sign it. */
    public String text() {
        StringBuilder text = new StringBuilder()
                .append(origin).append('\n')
                .append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint && text().equals(((Checkpoint) o).text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
