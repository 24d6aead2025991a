package org.labtrust.verifier;

/**
 * What the log served does not verify: a note without a valid signature by the expected key, a
 * checkpoint for another origin, or a malformed note or checkpoint. The message says which.
 */
public final class VerificationException extends Exception {

    private static final long serialVersionUID = 1L;

    public VerificationException(String message) {
        super(message);
    }
}
