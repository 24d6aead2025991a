package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LogEntry (docs/log-format.md, version 1)")
class LogEntryTest {

    /** The example of docs/log-format.md, byte for byte. */
    private static final byte[] EXAMPLE = Hex.decode(String.join("",
            "0101000001a21c04b400",
            "0c323531393030303030303132",
            "0e42472d323032362d303030303031",
            "00005129",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "000200030011",
            "00"));

    private static LogEntry.Filing decodedExample() {
        return (LogEntry.Filing) LogEntry.decode(EXAMPLE);
    }

    @Test
    @DisplayName("The example of log-format.md decodes to the fields it describes, and encodes back")
    void documentExample() {
        LogEntry.Filing f = decodedExample();
        assertEquals(Instant.parse("2026-11-27T08:00:00Z"), f.acceptedAt());
        assertEquals("251900000012", f.certificateNumber());
        assertEquals("BG-2026-000001", f.reportNumber());
        assertEquals(LocalDate.parse("2026-11-20"), f.issuedOn());
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Hex.encode(f.reportSha256()));
        assertEquals(List.of(3, 17), f.scopeLines());
        assertEquals(OptionalLong.empty(), f.replaces());
        assertEquals(81, EXAMPLE.length, "the typical size the document gives");
        assertArrayEquals(EXAMPLE, f.encode());
        assertTrue(f.describe().contains("BG-2026-000001"), f.describe());
    }

    @Test
    @DisplayName("A replacing filing and every revocation reason round-trip")
    void otherShapes() {
        LogEntry.Filing f = decodedExample();
        LogEntry.Filing replacing = new LogEntry.Filing(f.acceptedAt(), f.certificateNumber(), "BG-2026-000002",
                f.issuedOn(), f.reportSha256(), List.of(1, 2, 65_535), OptionalLong.of(7));
        byte[] bytes = replacing.encode();
        assertEquals(replacing, LogEntry.decode(bytes));
        assertEquals(7, ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong());
        for (LogEntry.Reason reason : LogEntry.Reason.values()) {
            LogEntry.Revocation r = new LogEntry.Revocation(f.acceptedAt(), f.certificateNumber(), f.reportNumber(),
                    0, reason);
            byte[] encoded = r.encode();
            assertEquals(2, encoded[1], "kind");
            assertEquals(reason.code(), encoded[encoded.length - 1]);
            assertEquals(r, LogEntry.decode(encoded));
        }
    }

    @Test
    @DisplayName("Seeded random entries round-trip byte for byte")
    void randomRoundTrip() {
        Random random = new Random(9162);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = RandomEntries.entry(random, i).encode();
            assertArrayEquals(bytes, LogEntry.decode(bytes).encode());
        }
    }

    @Test
    @DisplayName("Every truncation and any trailing byte is refused")
    void truncatedOrTrailing() {
        for (int n = 0; n < EXAMPLE.length; n++) {
            byte[] cut = Arrays.copyOf(EXAMPLE, n);
            assertThrows(IllegalArgumentException.class, () -> LogEntry.decode(cut), "first " + n + " bytes");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogEntry.decode(Arrays.copyOf(EXAMPLE, EXAMPLE.length + 1)));
        assertTrue(e.getMessage().contains("trailing"), e.getMessage());
    }

    /** The example with byte {@code at} set to {@code value}. */
    private static byte[] withByte(int at, int value) {
        byte[] bytes = EXAMPLE.clone();
        bytes[at] = (byte) value;
        return bytes;
    }

    @Test
    @DisplayName("Unknown versions, kinds, flags and reasons, and broken lengths are refused with the field's name")
    void badFields() {
        assertMessage("version", withByte(0, 2));
        assertMessage("version", withByte(0, 0));
        assertMessage("kind", withByte(1, 3));
        assertMessage("kind", withByte(1, 0));
        assertMessage("accepted-at", withByte(2, 0x80));
        assertMessage("certificate", withByte(10, 11)); // 11 digits, then the report length is read as a digit
        assertMessage("certificate", withByte(11, 'x'));
        assertMessage("report number", withByte(23, 0)); // empty report number
        assertMessage("scope item count", withByte(75, 0));
        assertMessage("replaces flag", withByte(80, 2));
        byte[] revocation = new LogEntry.Revocation(decodedExample().acceptedAt(), "251900000012", "R", 3,
                LogEntry.Reason.OTHER).encode();
        revocation[revocation.length - 1] = 5;
        assertMessage("reason", revocation);
        revocation[revocation.length - 9] = (byte) 0x80; // revoked index >= 2^63
        assertMessage("revoked entry index", revocation);
    }

    @Test
    @DisplayName("Scope lines must ascend without repeats, 1 to 100 of them")
    void scopeLines() {
        assertMessage("ascend", withByte(77, 0x11)); // 17, 17
        assertMessage("ascend", withByte(77, 0x12)); // 18, 17
        LogEntry.Filing f = decodedExample();
        List<Integer> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(i);
        }
        assertThrows(IllegalArgumentException.class, () -> new LogEntry.Filing(f.acceptedAt(), f.certificateNumber(),
                f.reportNumber(), f.issuedOn(), f.reportSha256(), tooMany, OptionalLong.empty()));
        List<Integer> hundred = tooMany.subList(0, 100);
        LogEntry.Filing most = new LogEntry.Filing(f.acceptedAt(), f.certificateNumber(), f.reportNumber(),
                f.issuedOn(), f.reportSha256(), hundred, OptionalLong.empty());
        assertEquals(most, LogEntry.decode(most.encode()));
        byte[] bytes = most.encode();
        bytes[75] = 101;
        assertThrows(IllegalArgumentException.class, () -> LogEntry.decode(bytes));
    }

    @Test
    @DisplayName("Report numbers: invalid UTF-8, control characters, edge spaces and over 64 characters are refused")
    void reportNumbers() {
        assertMessage("UTF-8", reportNumberBytes(new byte[] {'B', (byte) 0xc3}));
        assertMessage("UTF-8", reportNumberBytes(new byte[] {(byte) 0xc0, (byte) 0x80})); // overlong NUL
        assertMessage("UTF-8", reportNumberBytes(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})); // surrogate
        assertMessage("control", reportNumberBytes("BG\u00072026".getBytes(StandardCharsets.UTF_8)));
        assertMessage("control", reportNumberBytes("BG\u00852026".getBytes(StandardCharsets.UTF_8)));
        assertMessage("space", reportNumberBytes(" BG-1".getBytes(StandardCharsets.UTF_8)));
        assertMessage("space", reportNumberBytes("BG-1 ".getBytes(StandardCharsets.UTF_8)));
        assertMessage("64", reportNumberBytes("R".repeat(65).getBytes(StandardCharsets.UTF_8)));
        // 64 characters are fine, even at two bytes each.
        byte[] wide = reportNumberBytes("é".repeat(64).getBytes(StandardCharsets.UTF_8));
        assertEquals("é".repeat(64), LogEntry.decode(wide).reportNumber());
        assertEquals("BG 1", LogEntry.decode(reportNumberBytes("BG 1".getBytes(StandardCharsets.UTF_8))).reportNumber());
    }

    /** The example with its report number replaced by raw bytes. */
    private static byte[] reportNumberBytes(byte[] report) {
        ByteBuffer out = ByteBuffer.allocate(EXAMPLE.length - 14 + report.length);
        out.put(EXAMPLE, 0, 23).put((byte) report.length).put(report).put(EXAMPLE, 38, EXAMPLE.length - 38);
        return out.array();
    }

    private static void assertMessage(String expected, byte[] bytes) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogEntry.decode(bytes));
        assertTrue(e.getMessage().contains(expected), "'" + e.getMessage() + "' should mention " + expected);
    }
}
