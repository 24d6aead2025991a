package org.labtrust.verifier;

/**
 * Outcome of one check: whether it held, and what the command line prints. The first line of
 * {@code detail} is the verdict; further lines, if any, are details.
 *
 * @param failureLabel what a failed check is called on the command line
 */
record Verdict(boolean verified, String detail, String failureLabel) {

    Verdict(boolean verified, String detail) {
        this(verified, detail, "NOT VERIFIED");
    }

    /** A failure that shows the log rewrote history or shows different trees to different readers. */
    static Verdict splitView(String detail) {
        return new Verdict(false, detail, "SPLIT VIEW OR REWRITE");
    }

    String line() {
        return (verified ? "VERIFIED" : failureLabel) + ": " + detail;
    }
}
