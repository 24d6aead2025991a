package org.labtrust.verifier;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code checkpoint}: verifies a signed checkpoint, from a file or from the log, and prints its size and root. */
final class CheckpointCommand implements Command {

    @Override
    public String name() {
        return "checkpoint";
    }

    @Override
    public Set<String> flags() {
        return Set.of("--key", "--file", "--url", "--origin");
    }

    @Override
    public String usage() {
        return "checkpoint --key VKEY (--file F | --url PREFIX) [--origin O]";
    }

    @Override
    public Verdict run(CliArgs args) throws UsageException, IOException {
        NoteVerifierKey key = args.verifierKey("--key");
        String origin = args.stringOr("--origin", key.name());
        if (args.has("--file") == args.has("--url")) {
            throw new UsageException("give exactly one of --file and --url");
        }
        String note = args.has("--file")
                ? readNote(Path.of(args.string("--file")))
                : new LogClient(args.url("--url")).checkpoint();
        try {
            Checkpoint checkpoint = Checkpoint.verify(note, key, origin);
            return new Verdict(true, "checkpoint of " + origin + " signed by " + key.label() + ": size "
                    + checkpoint.size() + ", root " + args.encode(checkpoint.rootHash()));
        } catch (VerificationException e) {
            return new Verdict(false, "checkpoint of " + origin + ": " + e.getMessage());
        }
    }

    private static String readNote(Path file) throws UsageException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("checkpoint file " + file + " is not UTF-8");
        } catch (IOException e) {
            throw new UsageException("cannot read checkpoint file " + file + ": " + e.getMessage());
        }
    }
}
