package org.labtrust.verifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The value rules of {@code docs/log-format.md} that the entry records enforce. */
final class LogEntryFields {

    static final int MAX_REPORT_NUMBER_CHARACTERS = 64;
    /** Longest string a {@code str8} field can hold. */
    static final int MAX_STR8_BYTES = 255;
    /** Days since 1970-01-01 are a uint32. */
    static final long MAX_EPOCH_DAY = 0xffff_ffffL;

    private LogEntryFields() {
    }

    static void checkHeader(Instant acceptedAt, String certificateNumber, String reportNumber) {
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        if (acceptedAt.isBefore(Instant.EPOCH) || acceptedAt.getNano() % 1_000_000 != 0
                || acceptedAt.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))) {
            throw new IllegalArgumentException("accepted-at must be whole milliseconds from 1970 below 2^63, got "
                    + acceptedAt);
        }
        checkCertificateNumber(certificateNumber);
        checkReportNumber(reportNumber);
    }

    static void checkCertificateNumber(String number) {
        if (!Objects.requireNonNull(number, "certificateNumber").matches("[0-9]{12}")) {
            throw new IllegalArgumentException("certificate number must be 12 ASCII digits, got '" + number + "'");
        }
    }

    static void checkReportNumber(String number) {
        Objects.requireNonNull(number, "reportNumber");
        int characters = number.codePointCount(0, number.length());
        if (characters < 1 || characters > MAX_REPORT_NUMBER_CHARACTERS
                || number.getBytes(StandardCharsets.UTF_8).length > MAX_STR8_BYTES) {
            throw new IllegalArgumentException("report number must be 1 to " + MAX_REPORT_NUMBER_CHARACTERS
                    + " characters (at most " + MAX_STR8_BYTES + " UTF-8 bytes), got " + characters);
        }
        if (number.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                || Character.getType(c) == Character.SURROGATE)) {
            throw new IllegalArgumentException("report number holds a control character or a lone surrogate");
        }
        if (!number.strip().equals(number)) {
            throw new IllegalArgumentException("report number starts or ends with a space: '" + number + "'");
        }
    }

    static void checkIssuedOn(LocalDate issuedOn) {
        long day = Objects.requireNonNull(issuedOn, "issuedOn").toEpochDay();
        if (day < 0 || day > MAX_EPOCH_DAY) {
            throw new IllegalArgumentException("issued-on must be 0 to 2^32-1 days after 1970-01-01, got " + issuedOn);
        }
    }

    static void checkScopeLines(List<Integer> lines) {
        if (lines.isEmpty() || lines.size() > LogEntry.Filing.MAX_SCOPE_ITEMS) {
            throw new IllegalArgumentException("a filing lists 1 to " + LogEntry.Filing.MAX_SCOPE_ITEMS
                    + " scope lines, got " + lines.size());
        }
        int previous = -1;
        for (int line : lines) {
            if (line < 0 || line > 0xffff) {
                throw new IllegalArgumentException("scope line " + line + " is not a uint16");
            }
            if (line <= previous) {
                throw new IllegalArgumentException("scope lines must ascend without repeats: " + lines);
            }
            previous = line;
        }
    }

    /** Entry indexes are uint64 in the encoding, but no tree reaches 2^63 entries. */
    static void checkIndex(long index, String what) {
        if (index < 0) {
            throw new IllegalArgumentException(what + " must be below 2^63");
        }
    }
}
