package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("checkpoint command")
class CheckpointCommandTest {

    private final TestLog log = new TestLog(2).grow(300);
    private final TestLogServer server = new TestLogServer(log.served());
    private final Cli cli = new Cli();
    private final String key = log.key().toString();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    private Path noteFile() throws IOException {
        return Files.write(dir.resolve("checkpoint"), log.served().get("checkpoint"));
    }

    @Test
    @DisplayName("A checkpoint from a file or from the log verifies and prints its size and root")
    void verifies() throws IOException {
        assertEquals(0, cli.run("checkpoint", "--key", key, "--file", noteFile().toString()), cli.printed());
        String keyLabel = log.key().name() + "+" + String.format("%08x", log.key().keyId());
        assertEquals("VERIFIED: checkpoint of " + TestLog.ORIGIN + " signed by " + keyLabel
                + ": size 300, root " + Hex.encode(log.root()) + "\n", cli.out().replace("\r\n", "\n"));
        assertEquals(0, cli.run("checkpoint", "--key", key, "--url", server.prefix(), "--encoding", "base64"));
        assertTrue(cli.out().contains("root " + Base64.getEncoder().encodeToString(log.root())), cli.out());
        assertEquals(0, cli.run("checkpoint", "--key", key, "--url", server.prefix(), "--origin", TestLog.ORIGIN));
    }

    @Test
    @DisplayName("Another key, another origin or a changed checkpoint exits 1")
    void notVerified() throws IOException {
        String other = NoteSigner.generate(TestLog.ORIGIN).verifierKey().toString();
        assertEquals(1, cli.run("checkpoint", "--key", other, "--file", noteFile().toString()), cli.printed());
        assertTrue(cli.out().startsWith("NOT VERIFIED: "), cli.out());
        assertEquals(1, cli.run("checkpoint", "--key", key, "--url", server.prefix(), "--origin", "elsewhere.example"));
        log.tamper("checkpoint", bytes -> new String(bytes).replace("\n300\n", "\n301\n").getBytes());
        assertEquals(1, cli.run("checkpoint", "--key", key, "--url", server.prefix()));
    }

    @Test
    @DisplayName("Bad command lines, unreadable files and unreachable logs exit 2 with nothing on stdout")
    void errors() throws IOException {
        String file = noteFile().toString();
        List<String[]> bad = List.of(
                new String[] {"checkpoint", "--key", key},
                new String[] {"checkpoint", "--key", key, "--file", file, "--url", server.prefix()},
                new String[] {"checkpoint", "--key", "PeterNeumann+c74f20a3", "--file", file},
                new String[] {"checkpoint", "--file", file},
                new String[] {"checkpoint", "--key", key, "--file", dir.resolve("missing").toString()},
                new String[] {"checkpoint", "--key", key, "--url", "ftp://example.org/log"},
                new String[] {"checkpoint", "--key", key, "--url", server.prefix() + "/nowhere"});
        for (String[] args : bad) {
            assertEquals(2, cli.run(args), String.join(" ", args));
            assertTrue(cli.err().startsWith("error: "), cli.printed());
            assertEquals("", cli.out(), String.join(" ", args));
        }
    }

    @Test
    @DisplayName("Help lists the log commands")
    void help() {
        assertEquals(0, cli.run("--help"));
        for (String command : new String[] {"checkpoint --key", "prove --url", "monitor --url"}) {
            assertTrue(cli.out().contains(command), cli.out());
        }
    }
}
