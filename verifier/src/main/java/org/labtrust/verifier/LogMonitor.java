package org.labtrust.verifier;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of {@code monitor}: checks the log's tiles for its latest checkpoint against that
 * checkpoint and against the checkpoint verified on the previous run, fetching only what the
 * state directory does not hold yet, several tiles at a time.
 *
 * <p>Checks, bottom up: every entry hashes to its leaf in the level-0 tile; every hash of an
 * upper tile is the hash of the full tile below; the tiles give the checkpoint's root; they give
 * the previous checkpoint's root for its size; and a consistency proof computed from them links
 * the two checkpoints. Last, every entry must follow the entry format of
 * {@code docs/log-format.md}.
 */
final class LogMonitor {

    private static final int THREADS = 8;
    /** Tiles being fetched or checked at once: enough to keep the threads busy, few enough to bound memory. */
    private static final int WINDOW = 4 * THREADS;

    private final TileSource log;
    private final MonitorState state;
    /** The mirror, verified earlier, then the tiles this run has checked. */
    private final TileSource local;
    private final Collection<TilePath> checked = new ConcurrentLinkedQueue<>();
    /**
     * Entries that break the entry format, by index. A split view matters more, so these are
     * reported only once the tree itself has checked out.
     */
    private final ConcurrentSkipListMap<Long, String> malformed = new ConcurrentSkipListMap<>();
    private final AtomicLong entriesChecked = new AtomicLong();
    private final AtomicLong fetched = new AtomicLong();

    LogMonitor(TileSource log, MonitorState state) {
        this.log = log;
        this.state = state;
        this.local = tile -> state.mirror().has(tile) ? state.mirror().read(tile) : state.incoming().read(tile);
    }

    /**
     * Checks the log at {@code latest} (whose signature the caller has verified), against
     * {@code previous} when not null, and on success records {@code latestNote} as verified.
     */
    Verdict check(Checkpoint previous, Checkpoint latest, String latestNote) throws IOException {
        long oldSize = previous == null ? 0 : previous.size();
        long size = latest.size();
        if (size < oldSize) {
            return Verdict.splitView("the log's checkpoint has " + size + " entries, fewer than the " + oldSize
                    + " verified before");
        }
        Verdict failure = checkTiles(oldSize, size);
        if (failure == null) {
            failure = checkRoots(previous, latest);
        }
        if (failure == null && !malformed.isEmpty()) {
            // Not committed, so every run reports it until the log or this verifier is fixed.
            failure = new Verdict(false, malformed.firstEntry().getValue());
        }
        if (failure != null) {
            // Only an interrupted run resumes; after a failed check the next run fetches afresh.
            state.discardIncoming();
            return failure;
        }
        state.commit(latestNote, oldSize, size, checked);
        return new Verdict(true, summary(previous, latest));
    }

    private Verdict checkTiles(long oldSize, long size) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            Verdict failure = inOrder(pool, TilePath.tileCount(0, size), index -> checkBundle(index, size));
            for (int level = 1; failure == null && TilePath.tileCount(level, size) > 0; level++) {
                int at = level;
                failure = inOrder(pool, TilePath.tileCount(level, size),
                        index -> checkUpperTile(at, index, size, oldSize));
            }
            return failure;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Entries of bundle {@code index} hash to the leaves of the level-0 tile and decode. */
    private Verdict checkBundle(long index, long size) throws IOException {
        int width = TilePath.width(0, index, size);
        TilePath tilePath = TilePath.hashTile(0, index, width);
        TilePath bundlePath = TilePath.entryBundle(index, width);
        if (state.mirror().has(tilePath) && state.mirror().has(bundlePath)) {
            return null;
        }
        byte[] tile = obtain(tilePath);
        byte[] bundle = obtain(bundlePath);
        Verdict badLength = checkLength(tilePath, tile);
        if (badLength != null) {
            return badLength;
        }
        List<byte[]> entries;
        try {
            entries = EntryBundle.entries(bundle, width);
        } catch (IllegalArgumentException e) {
            return new Verdict(false, bundlePath + ": " + e.getMessage());
        }
        for (int i = 0; i < width; i++) {
            long entry = index * TilePath.FULL_WIDTH + i;
            if (!MessageDigest.isEqual(MerkleHash.leafHash(entries.get(i)), hashAt(tile, i))) {
                return Verdict.splitView("entry " + entry + " in " + bundlePath + " does not hash to leaf " + entry
                        + " in " + tilePath);
            }
            try {
                LogEntry.decode(entries.get(i));
            } catch (IllegalArgumentException e) {
                malformed.putIfAbsent(entry, "entry " + entry + " in " + bundlePath
                        + " does not follow the entry format (docs/log-format.md): " + e.getMessage());
            }
        }
        keep(tilePath, tile);
        keep(bundlePath, bundle);
        entriesChecked.addAndGet(width);
        return null;
    }

    /** Each hash of tile {@code index} at {@code level} is the hash of the full tile below it. */
    private Verdict checkUpperTile(int level, long index, long size, long oldSize) throws IOException {
        TilePath path = TilePath.hashTile(level, index, TilePath.width(level, index, size));
        if (state.mirror().has(path)) {
            return null;
        }
        byte[] tile = obtain(path);
        Verdict badLength = checkLength(path, tile);
        if (badLength != null) {
            return badLength;
        }
        for (int j = 0; j < path.width(); j++) {
            TilePath below = TilePath.hashTile(level - 1, index * TilePath.FULL_WIDTH + j, TilePath.FULL_WIDTH);
            if (!MessageDigest.isEqual(fullTileHash(below), hashAt(tile, j))) {
                String origin = state.mirror().has(below) ? ", as verified at tree size " + oldSize : "";
                return Verdict.splitView("hash " + j + " of " + path + " is not the hash of " + below + origin);
            }
        }
        keep(path, tile);
        return null;
    }

    private byte[] fullTileHash(TilePath tile) throws IOException {
        byte[] bytes = local.read(tile);
        if (bytes.length != TilePath.FULL_WIDTH * MerkleHash.HASH_SIZE) {
            throw new IOException("state directory is damaged: " + tile + " is " + bytes.length + " bytes");
        }
        List<byte[]> hashes = new ArrayList<>(TilePath.FULL_WIDTH);
        for (int i = 0; i < TilePath.FULL_WIDTH; i++) {
            hashes.add(hashAt(bytes, i));
        }
        return MerkleHash.rootOfLeafHashes(hashes);
    }

    private Verdict checkRoots(Checkpoint previous, Checkpoint latest) throws IOException {
        long size = latest.size();
        TiledTree tree = new TiledTree(local, size);
        byte[] root = tree.rootHash();
        if (!MessageDigest.isEqual(root, latest.rootHash())) {
            return Verdict.splitView("the checkpoint gives root " + Hex.encode(latest.rootHash()) + " for "
                    + size + " entries, but the tiles give " + Hex.encode(root) + "\n  "
                    + locate(tree, new TiledTree(log, size), size, "the log changed",
                            "the log serves the tiles verified before, so the checkpoint is for another tree"));
        }
        if (previous == null || previous.size() == 0) {
            return null;
        }
        long oldSize = previous.size();
        byte[] oldRoot = tree.rootHash(oldSize);
        if (!MessageDigest.isEqual(oldRoot, previous.rootHash())) {
            return Verdict.splitView("the checkpoint verified before gives root " + Hex.encode(previous.rootHash())
                    + " for " + oldSize + " entries, but the log's tiles for " + size + " entries give "
                    + Hex.encode(oldRoot) + "\n  " + locate(new TiledTree(state.mirror(), oldSize), tree, oldSize,
                            "the log changed", "the tiles agree entry by entry"));
        }
        List<byte[]> proof = tree.consistencyProof(oldSize, size);
        if (!ConsistencyProof.verify(oldSize, size, previous.rootHash(), latest.rootHash(), proof)) {
            return Verdict.splitView("the consistency proof from " + oldSize + " to " + size
                    + " entries does not verify");
        }
        return null;
    }

    /** Names the first entry where two views of the log differ, as evidence; never changes the verdict. */
    private static String locate(TiledTree verified, TiledTree current, long size, String changed, String same) {
        try {
            long[] range = TreeDiff.firstDifference(verified, current, size);
            if (range == null) {
                return same;
            }
            if (range[1] - range[0] > 1) {
                return changed + " entries " + range[0] + " to " + (range[1] - 1);
            }
            long entry = range[0];
            long tileIndex = entry / TilePath.FULL_WIDTH;
            TilePath tile = TilePath.hashTile(0, tileIndex, TilePath.width(0, tileIndex, size));
            return changed + " entry " + entry + " (" + tile + "): leaf hash " + Hex.encode(verified.leafHash(entry))
                    + " was verified, the log now has " + Hex.encode(current.leafHash(entry));
        } catch (IOException e) {
            return "could not locate the change: " + e.getMessage();
        }
    }

    private String summary(Checkpoint previous, Checkpoint latest) {
        String growth = previous == null
                ? "log " + latest.origin() + " has " + latest.size() + " entries; none verified before"
                : "log " + latest.origin() + " grew from " + previous.size() + " to " + latest.size()
                        + " entries, consistent with the checkpoint verified before";
        return growth + "\n  root " + Hex.encode(latest.rootHash())
                + "\n  entries checked: " + entriesChecked.get() + "; tiles and bundles fetched: " + fetched.get();
    }

    /** The tile from the mirror, from an interrupted run, or else from the log. */
    private byte[] obtain(TilePath tile) throws IOException {
        if (state.mirror().has(tile)) {
            return state.mirror().read(tile);
        }
        if (state.incoming().has(tile)) {
            return state.incoming().read(tile);
        }
        fetched.incrementAndGet();
        return log.read(tile);
    }

    /** Stages a checked tile for the mirror. */
    private void keep(TilePath tile, byte[] bytes) throws IOException {
        if (!state.mirror().has(tile)) {
            if (!state.incoming().has(tile)) {
                state.incoming().write(tile, bytes);
            }
            checked.add(tile);
        }
    }

    private static Verdict checkLength(TilePath tile, byte[] bytes) {
        int expected = tile.width() * MerkleHash.HASH_SIZE;
        return bytes.length == expected ? null
                : new Verdict(false, tile + " is " + bytes.length + " bytes, not " + expected);
    }

    private static byte[] hashAt(byte[] tile, int i) {
        return Arrays.copyOfRange(tile, i * MerkleHash.HASH_SIZE, (i + 1) * MerkleHash.HASH_SIZE);
    }

    @FunctionalInterface
    private interface IndexedCheck {
        Verdict run(long index) throws IOException;
    }

    /**
     * Runs {@code check} for indexes 0 to {@code count - 1} on the pool, a window at a time, and
     * returns the failure with the lowest index, or {@code null}.
     */
    private static Verdict inOrder(ExecutorService pool, long count, IndexedCheck check) throws IOException {
        Deque<Future<Verdict>> window = new ArrayDeque<>();
        long next = 0;
        try {
            while (next < count || !window.isEmpty()) {
                while (next < count && window.size() < WINDOW) {
                    long index = next++;
                    window.add(pool.submit(() -> check.run(index)));
                }
                Verdict failure = await(window.poll());
                if (failure != null) {
                    return failure;
                }
            }
            return null;
        } finally {
            window.forEach(f -> f.cancel(true));
        }
    }

    private static Verdict await(Future<Verdict> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
