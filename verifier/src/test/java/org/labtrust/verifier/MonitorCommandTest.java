package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("monitor command")
class MonitorCommandTest {

    private static final String SPLIT_VIEW = "SPLIT VIEW OR REWRITE: ";

    private final TestLog log = new TestLog(4);
    private final TestLogServer server = new TestLogServer(log.served());
    private final Cli cli = new Cli();

    @TempDir
    Path state;

    @AfterEach
    void stop() {
        server.close();
    }

    private int monitor() {
        return monitor(log.key());
    }

    private int monitor(NoteVerifierKey key) {
        server.requests().clear();
        return cli.run("monitor", "--url", server.prefix(), "--key", key.toString(), "--state", state.toString());
    }

    /** Runs the monitor on a log of {@code size} entries, which must pass. */
    private void verifiedAt(int size) {
        log.grow(size - log.size());
        assertEquals(0, monitor(), cli.printed());
    }

    private long savedSize() throws IOException {
        return Checkpoint.parse(SignedNote.parse(Files.readString(state.resolve("checkpoint"))).text()).size();
    }

    private void assertSplitView(String expectedStart) throws IOException {
        long before = savedSize();
        assertEquals(1, monitor(), cli.printed());
        assertTrue(cli.out().startsWith(SPLIT_VIEW + expectedStart), cli.out());
        assertEquals(before, savedSize(), "a failed run keeps the last verified checkpoint");
    }

    @Test
    @DisplayName("A growing log passes, run after run, fetching only what is new and mirroring it in tlog-tiles layout")
    void growingLog() throws IOException {
        verifiedAt(300);
        assertTrue(cli.out().startsWith("VERIFIED: log " + TestLog.ORIGIN + " has 300 entries"), cli.out());
        assertTrue(cli.out().contains("entries checked: 300"), cli.out());
        assertTrue(Files.isRegularFile(state.resolve("tile/0/001.p/44")));
        assertTrue(Files.isRegularFile(state.resolve("tile/entries/001.p/44")));

        verifiedAt(1000);
        assertTrue(cli.out().startsWith("VERIFIED: log " + TestLog.ORIGIN + " grew from 300 to 1000 entries"), cli.out());
        assertTrue(cli.out().contains("entries checked: 744"), "bundle 0 was verified before: " + cli.out());
        assertFalse(server.requests().contains("tile/entries/000"), server.requests().toString());
        assertFalse(server.requests().contains("tile/0/000"), server.requests().toString());
        assertFalse(Files.exists(state.resolve("tile/0/001.p")), "the old partial tile is gone from the mirror");
        assertFalse(Files.exists(state.resolve(".incoming")));

        assertEquals(0, monitor(), cli.printed());
        assertEquals(List.of("checkpoint"), server.requests());
        assertEquals(1000, savedSize());
    }

    @Test
    @DisplayName("The mirror serves the verified tree: its tiles give the checkpoint's root, past level 2")
    void mirrorAcrossLevels() throws IOException {
        verifiedAt(65_536);
        verifiedAt(70_000);
        assertTrue(cli.out().contains("grew from 65536 to 70000"), cli.out());
        assertArrayEquals(log.root(), new TiledTree(new TileStore(state), 70_000).rootHash());
        assertTrue(Files.isRegularFile(state.resolve("tile/2/000.p/1")));
    }

    @Test
    @DisplayName("An empty log verifies, and so does its first growth")
    void emptyLog() {
        log.serveCheckpoint(0, MerkleHash.emptyRoot());
        assertEquals(0, monitor(), cli.printed());
        assertTrue(cli.out().contains("has 0 entries"), cli.out());
        verifiedAt(10);
    }

    @Test
    @DisplayName("A changed entry in a new bundle is named")
    void changedEntry() throws IOException {
        verifiedAt(300);
        log.grow(300);
        log.tamper("tile/entries/002.p/88", TestLog::flipLastByte);
        assertSplitView("entry 599 in tile/entries/002.p/88 does not hash to leaf 599 in tile/0/002.p/88");
    }

    @Test
    @DisplayName("A changed hash in a new level-0 tile is named")
    void changedLeafTile() throws IOException {
        verifiedAt(300);
        log.grow(300);
        log.tamper("tile/0/001", TestLog::flipLastByte);
        assertSplitView("entry 511 in tile/entries/001 does not hash to leaf 511 in tile/0/001");
    }

    @Test
    @DisplayName("A changed hash in an upper tile is named with the tile below it")
    void changedUpperTile() throws IOException {
        verifiedAt(300);
        log.grow(300);
        log.tamper("tile/1/000.p/2", TestLog::flipLastByte);
        assertSplitView("hash 1 of tile/1/000.p/2 is not the hash of tile/0/001");
    }

    @Test
    @DisplayName("Rewriting a verified entry is caught through the new upper tile, naming the tile verified before")
    void rewriteSeenInUpperTile() throws IOException {
        verifiedAt(600);
        log.rewrite(5);
        log.grow(200);
        assertSplitView("hash 0 of tile/1/000.p/3 is not the hash of tile/0/000, as verified at tree size 600");
    }

    @Test
    @DisplayName("Rewriting a verified entry is caught through the root when no upper tile changes, naming the entry")
    void rewriteSeenInRoot() throws IOException {
        verifiedAt(600);
        log.rewrite(5);
        log.grow(100);
        assertSplitView("the checkpoint gives root " + Hex.encode(log.root()) + " for 700 entries");
        assertTrue(cli.out().contains("the log changed entry 5 (tile/0/000)"), cli.out());
    }

    @Test
    @DisplayName("Rewriting an entry of the old partial tile is caught by the previous checkpoint's root")
    void rewriteOfPartialTile() throws IOException {
        verifiedAt(300);
        log.rewrite(290);
        log.grow(300);
        assertSplitView("the checkpoint verified before gives root");
        assertTrue(cli.out().contains("the log changed entry 290 (tile/0/001.p/44)"), cli.out());
    }

    @Test
    @DisplayName("A forked checkpoint, for the same size or a larger one, is caught")
    void forkedCheckpoint() throws IOException {
        verifiedAt(300);
        byte[] forkRoot = MerkleHash.leafHash(new byte[] {1});
        log.serveCheckpoint(300, forkRoot);
        assertSplitView("the checkpoint gives root " + Hex.encode(forkRoot));
        assertTrue(cli.out().contains("so the checkpoint is for another tree"), cli.out());

        log.grow(300);
        log.serveCheckpoint(600, forkRoot);
        assertSplitView("the checkpoint gives root " + Hex.encode(forkRoot) + " for 600 entries");
    }

    @Test
    @DisplayName("A checkpoint smaller than the one verified before is caught")
    void shrunkCheckpoint() throws IOException {
        verifiedAt(300);
        log.serveCheckpoint(200, MerkleTree.ofEntries(entries(200)).rootHash(200));
        assertSplitView("the log's checkpoint has 200 entries, fewer than the 300 verified before");
    }

    private List<byte[]> entries(int count) {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(log.entry(i));
        }
        return entries;
    }

    @Test
    @DisplayName("An entry that is not in the entry format fails the run")
    void malformedEntry() throws IOException {
        verifiedAt(300);
        log.append(List.of(new byte[] {1, 1, 0}));
        assertEquals(1, monitor(), cli.printed());
        assertTrue(cli.out().startsWith("NOT VERIFIED: entry 300 in tile/entries/001.p/45 does not follow the entry format"),
                cli.out());
        assertEquals(300, savedSize());

        // A split view is reported before a malformed entry.
        log.tamper("tile/entries/001.p/45", bytes -> {
            bytes[3] ^= 1; // entry 256
            return bytes;
        });
        assertSplitView("entry 256 in tile/entries/001.p/45 does not hash to leaf 256");
    }

    @Test
    @DisplayName("A checkpoint by another key exits 1; a state directory for another key exits 2")
    void keys() {
        log.grow(10);
        NoteVerifierKey other = NoteSigner.generate(TestLog.ORIGIN).verifierKey();
        assertEquals(1, monitor(other), cli.printed());
        assertTrue(cli.out().startsWith("NOT VERIFIED: the log's checkpoint"), cli.out());
        assertEquals(0, monitor(), cli.printed());
        assertEquals(2, monitor(other), cli.printed());
        assertTrue(cli.err().contains("--state"), cli.err());
    }

    @Test
    @DisplayName("An interrupted run exits 2, and the next run resumes without fetching what was checked")
    void resumes() throws IOException {
        log.grow(1500);
        server.fail("tile/entries/004");
        assertEquals(2, monitor(), cli.printed());
        assertTrue(cli.err().contains("HTTP 500"), cli.err());
        assertFalse(Files.exists(state.resolve("checkpoint")));

        server.heal();
        assertEquals(0, monitor(), cli.printed());
        assertTrue(cli.out().contains("has 1500 entries"), cli.out());
        assertFalse(server.requests().contains("tile/entries/000"), server.requests().toString());
        assertTrue(server.requests().contains("tile/entries/004"), server.requests().toString());
        assertEquals(new String(log.served().get("checkpoint"), StandardCharsets.UTF_8),
                Files.readString(state.resolve("checkpoint")));
    }
}
