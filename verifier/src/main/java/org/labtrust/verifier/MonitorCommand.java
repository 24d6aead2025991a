package org.labtrust.verifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * {@code monitor}: keeps a verified mirror of the log in a state directory and checks, on each
 * run, that the log's new checkpoint covers every entry verified before, unchanged.
 */
final class MonitorCommand implements Command {

    @Override
    public String name() {
        return "monitor";
    }

    @Override
    public Set<String> flags() {
        return Set.of("--url", "--key", "--state", "--origin");
    }

    @Override
    public String usage() {
        return "monitor --url PREFIX --key VKEY --state DIR [--origin O]";
    }

    @Override
    public Verdict run(CliArgs args) throws UsageException, IOException {
        NoteVerifierKey key = args.verifierKey("--key");
        String origin = args.stringOr("--origin", key.name());
        LogClient log = new LogClient(args.url("--url"));
        MonitorState state = new MonitorState(Path.of(args.string("--state")));
        Checkpoint previous = null;
        Optional<String> saved = state.checkpoint();
        if (saved.isPresent()) {
            try {
                previous = Checkpoint.verify(saved.get(), key, origin);
            } catch (VerificationException e) {
                throw new UsageException("--state holds a checkpoint for another log or key: " + e.getMessage());
            }
        }
        String note = log.checkpoint();
        Checkpoint latest;
        try {
            latest = Checkpoint.verify(note, key, origin);
        } catch (VerificationException e) {
            return new Verdict(false, "the log's checkpoint: " + e.getMessage());
        }
        return new LogMonitor(log, state).check(previous, latest, note);
    }
}
