package org.labtrust.verifier;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code inclusion}: checks an RFC 9162 §2.1.3.2 inclusion proof. */
final class InclusionCommand implements Command {

    @Override
    public String name() {
        return "inclusion";
    }

    @Override
    public Set<String> flags() {
        return Set.of("--index", "--size", "--leaf-hash", "--entry-file", "--root", "--proof");
    }

    @Override
    public String usage() {
        return "inclusion --index N --size N (--leaf-hash H | --entry-file F) --root H [--proof H,H,...]";
    }

    @Override
    public Verdict run(CliArgs args) throws UsageException {
        long index = args.size("--index");
        long size = args.size("--size");
        byte[] leafHash = leafHash(args);
        byte[] root = args.bytes("--root");
        List<byte[]> proof = args.byteList("--proof");
        boolean ok = InclusionProof.verify(index, size, leafHash, proof, root);
        return new Verdict(ok, "leaf " + index + " " + (ok ? "is" : "is not proven to be")
                + " in the tree of size " + size + " with root " + Hex.encode(root));
    }

    private static byte[] leafHash(CliArgs args) throws UsageException {
        boolean hash = args.has("--leaf-hash");
        boolean file = args.has("--entry-file");
        if (hash == file) {
            throw new UsageException("give exactly one of --leaf-hash and --entry-file");
        }
        if (hash) {
            return args.bytes("--leaf-hash");
        }
        Path path = Path.of(args.string("--entry-file"));
        try {
            // The file holds the raw entry; hash it the way the log does.
            return MerkleHash.leafHash(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UsageException("cannot read entry file " + path + ": " + e.getMessage());
        }
    }
}
