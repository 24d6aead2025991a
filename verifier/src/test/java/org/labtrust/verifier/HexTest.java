package org.labtrust.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Hex")
class HexTest {

    @Test
    @DisplayName("Encoding is lowercase and decoding accepts either case")
    void roundTrip() {
        byte[] bytes = {0, 1, (byte) 0xab, (byte) 0xff};
        assertEquals("0001abff", Hex.encode(bytes));
        assertArrayEquals(bytes, Hex.decode("0001ABff"));
        assertArrayEquals(new byte[0], Hex.decode(""));
    }

    @Test
    @DisplayName("Odd lengths, non-hex and non-ASCII digits are refused")
    void strict() {
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("zz"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("0x"));
        assertThrows(IllegalArgumentException.class, () -> Hex.decode("\uff10\uff11"));
    }
}
