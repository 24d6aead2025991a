package org.labtrust.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command line for auditing the labtrust transparency log without trusting the platform.
 *
 * <pre>
 * inclusion   --index N --size N (--leaf-hash H | --entry-file F) --root H [--proof H,H,...]
 * consistency --size1 N --size2 N --root1 H --root2 H [--proof H,H,...]
 * checkpoint  --key VKEY (--file F | --url PREFIX) [--origin O]
 * prove       --url PREFIX --key VKEY --index N [--origin O]
 * monitor     --url PREFIX --key VKEY --state DIR [--origin O]
 * verify-certificate --jws FILE|- (--jwks FILE | --url PLATFORM) [--number N]
 * </pre>
 *
 * Hashes are hex unless {@code --encoding base64} is given. Exit codes: 0 verified,
 * 1 not verified, 2 usage or input error, or a log that cannot be read. See RFC 9162
 * §2.1.3.2 and §2.1.4.2, and C2SP tlog-tiles, tlog-checkpoint and signed-note.
 */
public final class Main {

    /** Exit code when the proof verifies. */
    public static final int VERIFIED = 0;
    /** Exit code when the proof was checked and does not verify. */
    public static final int NOT_VERIFIED = 1;
    /** Exit code when the command line or its input could not be used, or the log could not be read. */
    public static final int USAGE_ERROR = 2;

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.of(new InclusionCommand(), new ConsistencyCommand(), new CheckpointCommand(),
                new ProveCommand(), new MonitorCommand(), new DrawCommand(), new CertificateCommand())) {
            COMMANDS.put(c.name(), c);
        }
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command and returns its exit code instead of exiting, so it can be tested. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            printUsage(err);
            return USAGE_ERROR;
        }
        if (List.of("help", "-h", "--help").contains(args[0])) {
            printUsage(out);
            return 0; // asking for help is not an error
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("error: unknown command '" + args[0] + "'");
            printUsage(err);
            return USAGE_ERROR;
        }
        try {
            CliArgs parsed = CliArgs.parse(Arrays.asList(args).subList(1, args.length), command.flags());
            Verdict verdict = command.run(parsed);
            out.println(verdict.line());
            return verdict.verified() ? VERIFIED : NOT_VERIFIED;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("usage: labtrust-verifier " + command.usage() + " [--encoding hex|base64]");
            return USAGE_ERROR;
        } catch (IOException e) {
            // Nothing was checked, so this is no verdict; the usage line would not help either.
            err.println("error: " + e.getMessage());
            return USAGE_ERROR;
        }
    }

    private static void printUsage(PrintStream stream) {
        stream.println("usage: labtrust-verifier <command> [options]   (hashes in hex, or --encoding base64)");
        for (Command c : COMMANDS.values()) {
            stream.println("  " + c.usage());
        }
        stream.println("exit codes: 0 verified, 1 not verified, 2 usage or input error or unreadable log");
    }
}
