package org.labtrust.verifier;

/** Outcome of one check: whether it held, and the one line the command line prints. */
record Verdict(boolean verified, String detail) {

    String line() {
        return (verified ? "VERIFIED: " : "NOT VERIFIED: ") + detail;
    }
}
