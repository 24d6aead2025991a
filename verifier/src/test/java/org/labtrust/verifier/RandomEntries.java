package org.labtrust.verifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;

/** Seeded random log entries in the version 1 encoding: mostly filings, some revocations. */
final class RandomEntries {

    private RandomEntries() {
    }

    static LogEntry entry(Random random, long index) {
        Instant acceptedAt = Instant.ofEpochMilli(1_700_000_000_000L + index * 1000 + random.nextInt(1000));
        String certificate = String.format("%012d", (long) (random.nextDouble() * 1e12));
        String report = "R-" + random.nextInt(1_000_000) + (random.nextBoolean() ? "/é" : "");
        int earlier = (int) Math.min(index, 1 << 30);
        if (index > 0 && random.nextInt(10) == 0) {
            return new LogEntry.Revocation(acceptedAt, certificate, report, random.nextInt(earlier),
                    LogEntry.Reason.values()[random.nextInt(4)]);
        }
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        TreeSet<Integer> lines = new TreeSet<>();
        int count = 1 + random.nextInt(4);
        while (lines.size() < count) {
            lines.add(1 + random.nextInt(500));
        }
        OptionalLong replaces = index > 0 && random.nextInt(8) == 0
                ? OptionalLong.of(random.nextInt(earlier)) : OptionalLong.empty();
        return new LogEntry.Filing(acceptedAt, certificate, report, LocalDate.ofEpochDay(19_000 + random.nextInt(2000)),
                digest, new ArrayList<>(lines), replaces);
    }

    /** Encoded entries {@code from} to {@code from + count - 1}. */
    static List<byte[]> encoded(Random random, long from, int count) {
        List<byte[]> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(entry(random, from + i).encode());
        }
        return entries;
    }
}
