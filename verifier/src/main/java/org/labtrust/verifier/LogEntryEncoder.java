package org.labtrust.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes the version 1 encoding of an entry whose fields its record has already checked. */
final class LogEntryEncoder {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

    private LogEntryEncoder(LogEntry entry, int kind) {
        out.write(LogEntry.VERSION);
        out.write(kind);
        u64(entry.acceptedAt().toEpochMilli());
        str8(entry.certificateNumber());
        str8(entry.reportNumber());
    }

    static byte[] encode(LogEntry.Filing filing) {
        LogEntryEncoder e = new LogEntryEncoder(filing, LogEntryDecoder.KIND_FILING);
        e.out.writeBytes(ByteBuffer.allocate(4).putInt((int) filing.issuedOn().toEpochDay()).array());
        e.out.writeBytes(filing.reportSha256());
        e.u16(filing.scopeLines().size());
        filing.scopeLines().forEach(e::u16);
        e.out.write(filing.replaces().isPresent() ? 1 : 0);
        filing.replaces().ifPresent(e::u64);
        return e.out.toByteArray();
    }

    static byte[] encode(LogEntry.Revocation revocation) {
        LogEntryEncoder e = new LogEntryEncoder(revocation, LogEntryDecoder.KIND_REVOCATION);
        e.u64(revocation.revokedIndex());
        e.out.write(revocation.reason().code());
        return e.out.toByteArray();
    }

    private void u16(int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private void u64(long value) {
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    }

    private void str8(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
