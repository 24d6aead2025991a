package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("EntryBundle (tlog-tiles entry bundles)")
class EntryBundleTest {

    @Test
    @DisplayName("Entries are uint16 big-endian length-prefixed and split back exactly")
    void roundTrip() {
        List<byte[]> entries = List.of(new byte[0], new byte[] {1, 2, 3}, new byte[300], new byte[0xffff]);
        byte[] bundle = EntryBundle.encode(entries);
        assertEquals("0000" + "0003010203" + "012c", Hex.encode(Arrays.copyOf(bundle, 9)));
        List<byte[]> back = EntryBundle.entries(bundle, 4);
        for (int i = 0; i < entries.size(); i++) {
            assertArrayEquals(entries.get(i), back.get(i));
        }
    }

    @Test
    @DisplayName("More or fewer entries than the width, or a cut entry or length, is refused")
    void strict() {
        byte[] bundle = EntryBundle.encode(List.of(new byte[] {1, 2, 3}, new byte[] {4}));
        assertThrows(IllegalArgumentException.class, () -> EntryBundle.entries(bundle, 1));
        assertThrows(IllegalArgumentException.class, () -> EntryBundle.entries(bundle, 3));
        for (int n = 1; n < bundle.length; n++) {
            byte[] cut = Arrays.copyOf(bundle, n);
            int width = n < 5 ? 1 : 2;
            assertThrows(IllegalArgumentException.class, () -> EntryBundle.entries(cut, width), n + " bytes");
        }
        assertThrows(IllegalArgumentException.class, () -> EntryBundle.encode(List.of(new byte[0x10000])));
    }
}
