package org.boxoffice.shared;

import java.security.SecureRandom;

/** Opaque, prefixed, random identifiers: {@code evt_} followed by 128 random bits in base 62. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final int LENGTH = 22; // 62^22 > 2^128

    private Ids() {
    }

    public static String newId(String prefix) {
        return prefix + "_" + random(LENGTH);
    }

    /** A random base-62 string; {@code length} characters carry about 5.95 bits each. */
    public static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
