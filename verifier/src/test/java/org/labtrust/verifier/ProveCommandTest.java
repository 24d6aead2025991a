package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("prove command")
class ProveCommandTest {

    private final TestLog log = new TestLog(3).grow(1000);
    private final TestLogServer server = new TestLogServer(log.served());
    private final Cli cli = new Cli();

    @AfterEach
    void stop() {
        server.close();
    }

    private int prove(long index) {
        return cli.run("prove", "--url", server.prefix(), "--key", log.key().toString(), "--index", Long.toString(index));
    }

    @Test
    @DisplayName("An entry in a full or a partial bundle is proven against the signed root and printed")
    void proves() {
        for (int index : new int[] {0, 5, 255, 256, 767, 768, 999}) {
            assertEquals(0, prove(index), cli.printed());
            String description = LogEntry.decode(log.entry(index)).describe();
            assertTrue(cli.out().startsWith("VERIFIED: entry " + index + " is in the tree of 1000 entries with root "
                    + Hex.encode(log.root())), cli.out());
            for (String line : description.split("\n")) {
                assertTrue(cli.out().contains("\n  " + line), cli.out());
            }
        }
    }

    @Test
    @DisplayName("An index beyond the checkpoint exits 1")
    void beyondTheLog() {
        assertEquals(1, prove(1000), cli.printed());
        assertTrue(cli.out().startsWith("NOT VERIFIED: entry 1000 is not in the log"), cli.out());
    }

    @Test
    @DisplayName("A changed entry, or a changed tile on its proof path, exits 1")
    void tampered() {
        log.tamper("tile/entries/000", TestLog::flipLastByte); // entry 255
        assertEquals(1, prove(255), cli.printed());
        assertTrue(cli.out().startsWith("NOT VERIFIED: entry 255 as served in tile/entries/000"), cli.out());
        assertEquals(0, prove(256), "other bundles are untouched");

        log.tamper("tile/0/003.p/232", TestLog::flipLastByte); // a sibling on the path of entry 5
        assertEquals(1, prove(5), cli.printed());
    }

    @Test
    @DisplayName("An entry that is in the log but not in the entry format exits 1")
    void malformedEntry() {
        log.append(List.of(new byte[] {1, 9}));
        assertEquals(1, prove(1000), cli.printed());
        assertTrue(cli.out().contains("does not follow the entry format"), cli.out());
    }

    @Test
    @DisplayName("A checkpoint signed by another key exits 1; an unreachable log exits 2")
    void keyAndNetwork() {
        String other = NoteSigner.generate(TestLog.ORIGIN).verifierKey().toString();
        assertEquals(1, cli.run("prove", "--url", server.prefix(), "--key", other, "--index", "1"), cli.printed());
        String url = server.prefix();
        server.close();
        assertEquals(2, cli.run("prove", "--url", url, "--key", log.key().toString(), "--index", "1"), cli.printed());
        assertTrue(cli.err().startsWith("error: cannot fetch"), cli.err());
    }
}
