package org.labtrust.verifier;

import java.util.Set;

/** One subcommand of {@link Main}. New checks (checkpoints, certificates) plug in here. */
interface Command {

    /** The subcommand word, e.g. {@code inclusion}. */
    String name();

    /** Flags this command accepts, each with its leading {@code --}. */
    Set<String> flags();

    /** One usage line, without the program name. */
    String usage();

    Verdict run(CliArgs args) throws UsageException;
}
