package org.labtrust.verifier;

import java.io.IOException;
import java.util.Set;

/** One subcommand of {@link Main}. New checks (checkpoints, certificates) plug in here. */
interface Command {

    /** The subcommand word, e.g. {@code inclusion}. */
    String name();

    /** Flags this command accepts, each with its leading {@code --}. */
    Set<String> flags();

    /** One usage line, without the program name. */
    String usage();

    /**
     * Runs the check.
     *
     * @throws UsageException if the command line or a file it names cannot be used
     * @throws IOException    if the log cannot be reached or read, so nothing could be checked
     */
    Verdict run(CliArgs args) throws UsageException, IOException;
}
