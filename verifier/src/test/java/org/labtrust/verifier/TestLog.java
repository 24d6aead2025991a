package org.labtrust.verifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A log built in memory the way docs/log-format.md describes it: random version 1 entries,
 * their tiles and bundles (every partial width ever published stays served), and a checkpoint
 * signed with a fresh Ed25519 key. Tests serve it with {@link TestLogServer} and tamper with it.
 */
final class TestLog {

    static final String ORIGIN = "log.test.example/reports";

    private final NoteSigner signer = NoteSigner.generate(ORIGIN);
    private final List<byte[]> entries = new ArrayList<>();
    private final Random random;
    /** What the log serves, by path below its prefix: {@code checkpoint} and tile paths. */
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();

    TestLog(long seed) {
        this.random = new Random(seed);
    }

    NoteVerifierKey key() {
        return signer.verifierKey();
    }

    Map<String, byte[]> served() {
        return served;
    }

    int size() {
        return entries.size();
    }

    byte[] entry(int index) {
        return entries.get(index).clone();
    }

    /** Appends {@code count} random entries and publishes tiles and a checkpoint for the new size. */
    TestLog grow(int count) {
        entries.addAll(RandomEntries.encoded(random, entries.size(), count));
        publish();
        return this;
    }

    /** Appends entries as given, even malformed ones, and publishes. */
    TestLog append(List<byte[]> raw) {
        entries.addAll(raw);
        publish();
        return this;
    }

    /** Replaces entry {@code index} by another valid entry and republishes everything, as a rewriting log would. */
    void rewrite(int index) {
        entries.set(index, RandomEntries.entry(random, index).encode());
        publish();
    }

    /** Serves a checkpoint for {@code size} entries with {@code root}, signed by the log's key. */
    void serveCheckpoint(long size, byte[] root) {
        String note = signer.sign(new Checkpoint(ORIGIN, size, root, List.of()).text());
        served.put("checkpoint", note.getBytes(StandardCharsets.UTF_8));
    }

    byte[] root() {
        return MerkleTree.ofEntries(entries).rootHash(entries.size());
    }

    /** Changes the served resource at {@code path}. */
    void tamper(String path, UnaryOperator<byte[]> change) {
        served.computeIfPresent(path, (p, bytes) -> change.apply(bytes.clone()));
    }

    static byte[] flipLastByte(byte[] bytes) {
        bytes[bytes.length - 1] ^= 1;
        return bytes;
    }

    private void publish() {
        Tiles.hashTiles(Tiles.leafHashes(entries)).forEach((path, bytes) -> served.put(path.toString(), bytes));
        Tiles.entryBundles(entries).forEach((path, bytes) -> served.put(path.toString(), bytes));
        serveCheckpoint(entries.size(), root());
    }
}
