package org.labtrust.verifier;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * {@code prove}: fetches the log's checkpoint, one entry and the tiles its inclusion proof needs,
 * checks the proof against the signed root and prints the entry.
 */
final class ProveCommand implements Command {

    @Override
    public String name() {
        return "prove";
    }

    @Override
    public Set<String> flags() {
        return Set.of("--url", "--key", "--index", "--origin");
    }

    @Override
    public String usage() {
        return "prove --url PREFIX --key VKEY --index N [--origin O]";
    }

    @Override
    public Verdict run(CliArgs args) throws UsageException, IOException {
        NoteVerifierKey key = args.verifierKey("--key");
        String origin = args.stringOr("--origin", key.name());
        long index = args.size("--index");
        LogClient log = new LogClient(args.url("--url"));
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.verify(log.checkpoint(), key, origin);
        } catch (VerificationException e) {
            return new Verdict(false, "checkpoint of " + origin + ": " + e.getMessage());
        }
        long size = checkpoint.size();
        if (index >= size) {
            return new Verdict(false, "entry " + index + " is not in the log: its checkpoint has " + size + " entries");
        }
        long bundleIndex = index / TilePath.FULL_WIDTH;
        TilePath bundlePath = TilePath.entryBundle(bundleIndex, TilePath.width(0, bundleIndex, size));
        byte[] entry;
        try {
            List<byte[]> bundle = EntryBundle.entries(log.read(bundlePath), bundlePath.width());
            entry = bundle.get((int) (index % TilePath.FULL_WIDTH));
        } catch (IllegalArgumentException e) {
            return new Verdict(false, bundlePath + ": " + e.getMessage());
        }
        List<byte[]> proof = new TiledTree(log, size).inclusionProof(index, size);
        String where = "the tree of " + size + " entries with root " + args.encode(checkpoint.rootHash());
        if (!InclusionProof.verify(index, size, MerkleHash.leafHash(entry), proof, checkpoint.rootHash())) {
            return new Verdict(false, "entry " + index + " as served in " + bundlePath + " is not proven to be in "
                    + where);
        }
        try {
            String description = LogEntry.decode(entry).describe();
            return new Verdict(true, "entry " + index + " is in " + where + "\n  " + description.replace("\n", "\n  "));
        } catch (IllegalArgumentException e) {
            return new Verdict(false, "entry " + index + " is in " + where
                    + ", but does not follow the entry format (docs/log-format.md): " + e.getMessage());
        }
    }
}
