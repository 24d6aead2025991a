package org.labtrust.verifier;

import java.util.List;
import java.util.Set;

/** {@code consistency}: checks an RFC 9162 §2.1.4.2 consistency proof. */
final class ConsistencyCommand implements Command {

    @Override
    public String name() {
        return "consistency";
    }

    @Override
    public Set<String> flags() {
        return Set.of("--size1", "--size2", "--root1", "--root2", "--proof");
    }

    @Override
    public String usage() {
        return "consistency --size1 N --size2 N --root1 H --root2 H [--proof H,H,...]";
    }

    @Override
    public Verdict run(CliArgs args) throws UsageException {
        long size1 = args.size("--size1");
        long size2 = args.size("--size2");
        byte[] root1 = args.bytes("--root1");
        byte[] root2 = args.bytes("--root2");
        List<byte[]> proof = args.byteList("--proof");
        boolean ok = ConsistencyProof.verify(size1, size2, root1, root2, proof);
        return new Verdict(ok, "tree of size " + size2 + " " + (ok ? "extends" : "is not proven to extend")
                + " tree of size " + size1);
    }
}
