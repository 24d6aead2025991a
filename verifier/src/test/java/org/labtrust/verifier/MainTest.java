package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Main command line")
class MainTest {

    private final List<byte[]> entries = RandomTrees.entries(11);
    private final MerkleTree tree = MerkleTree.ofEntries(entries);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String[] inclusion(Function<byte[], String> enc, byte[] leaf, byte[] root, String... extra) {
        List<String> args = new ArrayList<>(List.of("inclusion", "--index", "4", "--size", "11",
                "--leaf-hash", enc.apply(leaf), "--root", enc.apply(root),
                "--proof", join(tree.inclusionProof(4, 11), enc)));
        args.addAll(List.of(extra));
        return args.toArray(new String[0]);
    }

    private String[] consistency(byte[] root1) {
        return new String[] {"consistency", "--size1", "6", "--size2", "11", "--root1", Hex.encode(root1),
                "--root2", Hex.encode(tree.rootHash(11)), "--proof", join(tree.consistencyProof(6, 11), Hex::encode)};
    }

    private static String join(List<byte[]> hashes, Function<byte[], String> enc) {
        return hashes.stream().map(enc).collect(Collectors.joining(","));
    }

    @Test
    @DisplayName("A valid inclusion proof exits 0 and prints a one-line verdict")
    void inclusionVerified() {
        assertEquals(0, run(inclusion(Hex::encode, tree.leafHash(4), tree.rootHash(11))));
        assertTrue(stdout().startsWith("VERIFIED: leaf 4 is in the tree of size 11"), stdout());
        assertEquals(1, stdout().lines().count());
    }

    @Test
    @DisplayName("A valid inclusion proof in base64 exits 0 when --encoding base64 is given")
    void inclusionBase64() {
        Function<byte[], String> b64 = b -> Base64.getEncoder().encodeToString(b);
        assertEquals(0, run(inclusion(b64, tree.leafHash(4), tree.rootHash(11), "--encoding", "base64")));
    }

    @Test
    @DisplayName("Base64 input without --encoding base64 is a usage error")
    void base64WithoutFlag() {
        Function<byte[], String> b64 = b -> Base64.getEncoder().encodeToString(b);
        assertEquals(2, run(inclusion(b64, tree.leafHash(4), tree.rootHash(11))));
    }

    @Test
    @DisplayName("An inclusion proof against the wrong root exits 1")
    void inclusionNotVerified() {
        assertEquals(1, run(inclusion(Hex::encode, tree.leafHash(4), tree.rootHash(10))));
        assertTrue(stdout().startsWith("NOT VERIFIED: "), stdout());
    }

    @Test
    @DisplayName("An entry file is hashed as a leaf and checked like a leaf hash")
    void entryFile(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("entry.bin"), entries.get(4));
        String proof = join(tree.inclusionProof(4, 11), Hex::encode);
        String root = Hex.encode(tree.rootHash(11));
        assertEquals(0, run("inclusion", "--index", "4", "--size", "11", "--entry-file", file.toString(),
                "--root", root, "--proof", proof));
        Path other = Files.write(dir.resolve("other.bin"), entries.get(5));
        assertEquals(1, run("inclusion", "--index", "4", "--size", "11", "--entry-file", other.toString(),
                "--root", root, "--proof", proof));
        assertEquals(2, run("inclusion", "--index", "4", "--size", "11", "--entry-file",
                dir.resolve("missing.bin").toString(), "--root", root, "--proof", proof));
    }

    @Test
    @DisplayName("A one-leaf tree needs no --proof at all")
    void noProofFlag() {
        MerkleTree one = MerkleTree.ofEntries(entries.subList(0, 1));
        String leaf = Hex.encode(one.leafHash(0));
        assertEquals(0, run("inclusion", "--index", "0", "--size", "1", "--leaf-hash", leaf, "--root", leaf));
        assertEquals(0, run("inclusion", "--index", "0", "--size", "1", "--leaf-hash", leaf, "--root", leaf,
                "--proof", ""));
    }

    @Test
    @DisplayName("A valid consistency proof exits 0 and a wrong first root exits 1")
    void consistencyCodes() {
        assertEquals(0, run(consistency(tree.rootHash(6))));
        assertTrue(stdout().startsWith("VERIFIED: tree of size 11 extends tree of size 6"), stdout());
        assertEquals(1, run(consistency(tree.rootHash(5))));
        assertTrue(stdout().startsWith("NOT VERIFIED: "), stdout());
    }

    @Test
    @DisplayName("Bad command lines exit 2 and explain themselves on stderr")
    void usageErrors() {
        String leaf = Hex.encode(tree.leafHash(4));
        String root = Hex.encode(tree.rootHash(11));
        List<String[]> bad = List.of(
                new String[] {},
                new String[] {"audit"},
                new String[] {"inclusion", "--index", "4", "--size", "11", "--root", root},
                new String[] {"inclusion", "--index", "4", "--size", "11", "--leaf-hash", leaf,
                    "--entry-file", "x", "--root", root},
                new String[] {"inclusion", "--index", "four", "--size", "11", "--leaf-hash", leaf, "--root", root},
                new String[] {"inclusion", "--index", "-1", "--size", "11", "--leaf-hash", leaf, "--root", root},
                new String[] {"inclusion", "--index", "4", "--size", "11", "--leaf-hash", leaf, "--root", "xyz"},
                new String[] {"inclusion", "--index", "4", "--size", "11", "--leaf-hash", leaf, "--root"},
                new String[] {"inclusion", "--index", "4", "--index", "4", "--size", "11", "--leaf-hash", leaf,
                    "--root", root},
                new String[] {"inclusion", "--index", "4", "--size", "11", "--leaf-hash", leaf, "--root", root,
                    "--colour", "red"},
                new String[] {"inclusion", "--index", "4", "--size", "11", "--leaf-hash", leaf, "--root", root,
                    "--encoding", "base32"},
                new String[] {"consistency", "--size1", "6", "--root1", root, "--root2", root});
        for (String[] args : bad) {
            assertEquals(2, run(args), String.join(" ", args));
            assertTrue(err.size() > 0, "stderr explains: " + String.join(" ", args));
            assertEquals("", stdout(), "no verdict for: " + String.join(" ", args));
        }
    }

    @Test
    @DisplayName("Asking for help prints usage and exits 0")
    void help() {
        assertEquals(0, run("--help"));
        assertTrue(stdout().contains("inclusion") && stdout().contains("consistency"), stdout());
    }
}
