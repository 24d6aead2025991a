package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Checkpoint (C2SP tlog-checkpoint)")
class CheckpointTest {

    /** The body of the example in the tlog-checkpoint spec. */
    private static final String SPEC_EXAMPLE = "example.com/behind-the-sofa\n20852163\n"
            + "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
    private static final String ORIGIN = "labtrust.example/reports";
    private static final byte[] ROOT = MerkleHash.rootOf(RandomTrees.entries(5));

    private final NoteSigner signer = NoteSigner.generate(ORIGIN);

    private String signed(long size) {
        return signer.sign(new Checkpoint(ORIGIN, size, ROOT, List.of()).text());
    }

    @Test
    @DisplayName("The spec's example parses into origin, size and root")
    void specExample() {
        Checkpoint c = Checkpoint.parse(SPEC_EXAMPLE);
        assertEquals("example.com/behind-the-sofa", c.origin());
        assertEquals(20852163, c.size());
        assertArrayEquals(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="), c.rootHash());
        assertEquals(List.of(), c.extensions());
        assertEquals(SPEC_EXAMPLE, c.text());
    }

    @Test
    @DisplayName("Extension lines are kept, and an empty tree has size 0")
    void extensionsAndEmpty() {
        Checkpoint c = Checkpoint.parse(SPEC_EXAMPLE + "ext one\n\u2014 not a signature\n");
        assertEquals(List.of("ext one", "\u2014 not a signature"), c.extensions());
        String emptyRoot = Base64.getEncoder().encodeToString(MerkleHash.emptyRoot());
        assertEquals(0, Checkpoint.parse("o\n0\n" + emptyRoot + "\n").size());
        assertEquals(Long.MAX_VALUE, Checkpoint.parse("o\n9223372036854775807\n" + emptyRoot + "\n").size());
    }

    @Test
    @DisplayName("Malformed bodies are refused")
    void malformed() {
        String root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        List<String> bad = List.of(
                "o\n5\n" + root,
                "o\n5\n",
                "\n5\n" + root + "\n",
                "o\n05\n" + root + "\n",
                "o\n00\n" + root + "\n",
                "o\n-1\n" + root + "\n",
                "o\n+5\n" + root + "\n",
                "o\n 5\n" + root + "\n",
                "o\n5.0\n" + root + "\n",
                "o\n٥\n" + root + "\n",
                "o\n9223372036854775808\n" + root + "\n",
                "o\n5\n" + root.substring(4) + "\n",
                "o\n5\n" + Base64.getEncoder().encodeToString(new byte[31]) + "\n",
                "o\n5\n" + Base64.getEncoder().encodeToString(new byte[33]) + "\n",
                "o\n5\n" + root.replace("=", "") + "\n",
                "o\n5\n" + Hex.encode(Base64.getDecoder().decode(root)) + "\n",
                "o\n5\n" + root + "\n\n",
                "o\n5\n" + root + "\next\n\n");
        for (String text : bad) {
            assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse(text), text);
        }
    }

    @Test
    @DisplayName("A checkpoint signed by the key for the expected origin verifies")
    void verifies() throws VerificationException {
        Checkpoint c = Checkpoint.verify(signed(5), signer.verifierKey(), ORIGIN);
        assertEquals(5, c.size());
        assertArrayEquals(ROOT, c.rootHash());
    }

    @Test
    @DisplayName("Another key, another origin, a changed byte or a malformed body fails with a reason")
    void failures() {
        String note = signed(5);
        NoteVerifierKey key = signer.verifierKey();
        assertThrows(VerificationException.class,
                () -> Checkpoint.verify(note, NoteSigner.generate(ORIGIN).verifierKey(), ORIGIN));
        VerificationException origin = assertThrows(VerificationException.class,
                () -> Checkpoint.verify(note, key, "other.example/log"));
        assertTrue(origin.getMessage().contains("origin"), origin.getMessage());
        assertThrows(VerificationException.class, () -> Checkpoint.verify(note.replaceFirst("\n5\n", "\n6\n"), key, ORIGIN));
        VerificationException body = assertThrows(VerificationException.class,
                () -> Checkpoint.verify(signer.sign(ORIGIN + "\n05\n" + Base64.getEncoder().encodeToString(ROOT) + "\n"),
                        key, ORIGIN));
        assertTrue(body.getMessage().startsWith("malformed checkpoint"), body.getMessage());
        assertThrows(VerificationException.class, () -> Checkpoint.verify("not a note", key, ORIGIN));
    }
}
