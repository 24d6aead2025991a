package org.labtrust.verifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One entry of the labtrust report log in the version 1 encoding of {@code docs/log-format.md}:
 * a {@link Filing} or a {@link Revocation}. Decoding is strict, so every entry has exactly one
 * encoding and {@code encode(decode(b))} equals {@code b}.
 */
public sealed interface LogEntry permits LogEntry.Filing, LogEntry.Revocation {

    /** The only format version this verifier reads. */
    int VERSION = 1;

    /** When the log accepted the entry, to the millisecond. */
    Instant acceptedAt();

    /** The 12 ASCII digits of the certificate (CMA) number. */
    String certificateNumber();

    /** The report number as the body filed it: 1 to 64 characters. */
    String reportNumber();

    /** The entry in its version 1 encoding. */
    byte[] encode();

    /** A few lines for people: kind, dates, numbers, digest, scope, links to other entries. */
    String describe();

    /**
     * Decodes one entry.
     *
     * @throws IllegalArgumentException naming the first field that breaks the format: an unknown
     *     version or kind, a truncated or over-long entry, a bad length, a value out of range
     */
    static LogEntry decode(byte[] bytes) {
        return new LogEntryDecoder(bytes).entry();
    }

    /** A report filed under a certificate. */
    record Filing(Instant acceptedAt, String certificateNumber, String reportNumber, LocalDate issuedOn,
                  byte[] reportSha256, List<Integer> scopeLines, OptionalLong replaces) implements LogEntry {

        /** Most scope items one filing may list. */
        public static final int MAX_SCOPE_ITEMS = 100;

        public Filing {
            LogEntryFields.checkHeader(acceptedAt, certificateNumber, reportNumber);
            LogEntryFields.checkIssuedOn(issuedOn);
            if (reportSha256.length != MerkleHash.HASH_SIZE) {
                throw new IllegalArgumentException("report SHA-256 must be 32 bytes");
            }
            reportSha256 = reportSha256.clone();
            scopeLines = List.copyOf(scopeLines);
            LogEntryFields.checkScopeLines(scopeLines);
            replaces.ifPresent(index -> LogEntryFields.checkIndex(index, "replaced entry index"));
        }

        @Override
        public byte[] reportSha256() {
            return reportSha256.clone();
        }

        @Override
        public byte[] encode() {
            return LogEntryEncoder.encode(this);
        }

        @Override
        public String describe() {
            return "filing accepted " + acceptedAt + "\n"
                    + "certificate " + certificateNumber + ", report " + reportNumber + ", issued on " + issuedOn + "\n"
                    + "report SHA-256 " + Hex.encode(reportSha256) + "\n"
                    + "scope lines " + scopeLines.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "\n"
                    + (replaces.isPresent() ? "replaces entry " + replaces.getAsLong() : "replaces no entry");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Filing && Arrays.equals(encode(), ((Filing) o).encode());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(encode());
        }

        @Override
        public String toString() {
            return describe().replace('\n', ';');
        }
    }

    /** The withdrawal of an earlier filing; the header repeats that filing's numbers. */
    record Revocation(Instant acceptedAt, String certificateNumber, String reportNumber, long revokedIndex,
                      Reason reason) implements LogEntry {

        public Revocation {
            LogEntryFields.checkHeader(acceptedAt, certificateNumber, reportNumber);
            LogEntryFields.checkIndex(revokedIndex, "revoked entry index");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public byte[] encode() {
            return LogEntryEncoder.encode(this);
        }

        @Override
        public String describe() {
            return "revocation accepted " + acceptedAt + "\n"
                    + "certificate " + certificateNumber + ", report " + reportNumber + "\n"
                    + "revokes entry " + revokedIndex + ", reason: " + reason.description();
        }
    }

    /** Why a filing was revoked, with its code in the encoding. */
    enum Reason {
        ISSUED_IN_ERROR(1, "issued in error"),
        DATA_ERROR(2, "data error"),
        WITHDRAWN_AT_CLIENT_REQUEST(3, "withdrawn at the client's request"),
        OTHER(4, "other");

        private final int code;
        private final String description;

        Reason(int code, String description) {
            this.code = code;
            this.description = description;
        }

        public int code() {
            return code;
        }

        public String description() {
            return description;
        }

        public static Reason ofCode(int code) {
            for (Reason reason : values()) {
                if (reason.code == code) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("unknown revocation reason " + code);
        }
    }
}
