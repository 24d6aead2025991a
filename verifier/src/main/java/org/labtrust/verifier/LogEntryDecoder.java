package org.labtrust.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads one version 1 entry field by field, naming the field when the bytes run out. */
final class LogEntryDecoder {

    static final int KIND_FILING = 1;
    static final int KIND_REVOCATION = 2;

    private final ByteBuffer in;

    LogEntryDecoder(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes.clone());
    }

    LogEntry entry() {
        int version = u8("version");
        if (version != LogEntry.VERSION) {
            throw new IllegalArgumentException("unknown entry version " + version);
        }
        int kind = u8("kind");
        if (kind != KIND_FILING && kind != KIND_REVOCATION) {
            throw new IllegalArgumentException("unknown entry kind " + kind);
        }
        Instant acceptedAt = Instant.ofEpochMilli(u64("accepted-at"));
        // Check fields as they come, so the error names the first bad one, not a later symptom.
        String certificate = str8("certificate number");
        LogEntryFields.checkCertificateNumber(certificate);
        String report = str8("report number");
        LogEntryFields.checkReportNumber(report);
        LogEntry entry = kind == KIND_FILING
                ? filing(acceptedAt, certificate, report)
                : new LogEntry.Revocation(acceptedAt, certificate, report, u64("revoked entry index"),
                        LogEntry.Reason.ofCode(u8("revocation reason")));
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " trailing bytes after the entry");
        }
        return entry;
    }

    private LogEntry.Filing filing(Instant acceptedAt, String certificate, String report) {
        LocalDate issuedOn = LocalDate.ofEpochDay(Integer.toUnsignedLong(bytes(4, "issued-on").getInt()));
        byte[] digest = new byte[MerkleHash.HASH_SIZE];
        bytes(digest.length, "report SHA-256").get(digest);
        int count = u16("scope item count");
        if (count < 1 || count > LogEntry.Filing.MAX_SCOPE_ITEMS) {
            throw new IllegalArgumentException("scope item count must be 1 to " + LogEntry.Filing.MAX_SCOPE_ITEMS
                    + ", got " + count);
        }
        List<Integer> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(u16("scope line"));
        }
        int flag = u8("replaces flag");
        if (flag > 1) {
            throw new IllegalArgumentException("replaces flag must be 0 or 1, got " + flag);
        }
        OptionalLong replaces = flag == 1 ? OptionalLong.of(u64("replaced entry index")) : OptionalLong.empty();
        return new LogEntry.Filing(acceptedAt, certificate, report, issuedOn, digest, lines, replaces);
    }

    private int u8(String field) {
        return Byte.toUnsignedInt(bytes(1, field).get());
    }

    private int u16(String field) {
        return Short.toUnsignedInt(bytes(2, field).getShort());
    }

    /** A uint64 that must fit a signed long: times and indexes never reach 2^63. */
    private long u64(String field) {
        long value = bytes(8, field).getLong();
        if (value < 0) {
            throw new IllegalArgumentException(field + " is 2^63 or more");
        }
        return value;
    }

    private String str8(String field) {
        ByteBuffer bytes = bytes(u8(field + " length"), field);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(field + " is not valid UTF-8");
        }
    }

    /** The next {@code n} bytes, consumed. */
    private ByteBuffer bytes(int n, String field) {
        if (in.remaining() < n) {
            throw new IllegalArgumentException("entry is truncated in the " + field);
        }
        ByteBuffer slice = in.slice().limit(n);
        in.position(in.position() + n);
        return slice;
    }
}
