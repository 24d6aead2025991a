package org.labtrust.verifier;

import java.util.Base64;

/**
 * Standard base64 (RFC 4648 §4) that accepts only the canonical encoding: padding required and
 * unused bits zero. The JDK decoder alone accepts missing padding and stray bits, so two texts
 * could carry the same bytes.
 */
final class Base64Strict {

    private Base64Strict() {
    }

    /** @throws IllegalArgumentException naming {@code what} when {@code text} is not canonical base64 */
    static byte[] decode(String text, String what) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (Base64.getEncoder().encodeToString(bytes).equals(text)) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(what + " is not canonical standard base64: '" + text + "'");
    }
}
