package org.labtrust.verifier;

/** A command line that cannot be run as given; {@link Main} maps it to exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
