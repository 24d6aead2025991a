package org.labtrust.verifier;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A C2SP tlog-tiles entry bundle: each entry as a big-endian uint16 length, then its bytes. */
public final class EntryBundle {

    /** Longest entry a bundle can hold. */
    public static final int MAX_ENTRY_BYTES = 0xffff;

    private EntryBundle() {
    }

    /**
     * Splits a bundle that must hold exactly {@code width} entries.
     *
     * @throws IllegalArgumentException if an entry is cut short, or the bundle holds more or
     *     fewer entries than {@code width}
     */
    public static List<byte[]> entries(byte[] bundle, int width) {
        ByteBuffer in = ByteBuffer.wrap(bundle);
        List<byte[]> entries = new ArrayList<>(width);
        while (in.hasRemaining()) {
            if (entries.size() == width) {
                throw new IllegalArgumentException("bundle holds more than " + width + " entries");
            }
            if (in.remaining() < 2) {
                throw new IllegalArgumentException("bundle ends inside the length of entry " + entries.size());
            }
            int length = Short.toUnsignedInt(in.getShort());
            if (in.remaining() < length) {
                throw new IllegalArgumentException("bundle ends inside entry " + entries.size());
            }
            byte[] entry = new byte[length];
            in.get(entry);
            entries.add(entry);
        }
        if (entries.size() != width) {
            throw new IllegalArgumentException("bundle holds " + entries.size() + " entries, not " + width);
        }
        return entries;
    }

    /** The bundle of {@code entries}, in order. */
    public static byte[] encode(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] entry : entries) {
            if (entry.length > MAX_ENTRY_BYTES) {
                throw new IllegalArgumentException("entry of " + entry.length + " bytes does not fit a bundle");
            }
            out.write(entry.length >>> 8);
            out.write(entry.length);
            out.writeBytes(entry);
        }
        return out.toByteArray();
    }
}
