package cn.zhutui.security;

import cn.zhutui.common.BusinessException;
import java.security.SecureRandom;

/** At least 8 characters with a letter and a digit, not the username. */
final class PasswordPolicy {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password == null || password.length() < 8 || password.length() > 64
                || !password.matches(".*[A-Za-z].*") || !password.matches(".*\\d.*")) {
            throw BusinessException.onField("newPassword", "password.weak");
        }
        if (password.equalsIgnoreCase(username)) {
            throw BusinessException.onField("newPassword", "password.sameAsUsername");
        }
    }

    /** A password to hand over once; easy to read aloud (no 0/O, 1/l). */
    static String generate() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        sb.setCharAt(RANDOM.nextInt(6), (char) ('2' + RANDOM.nextInt(8)));
        sb.setCharAt(6 + RANDOM.nextInt(6), (char) ('a' + RANDOM.nextInt(8)));
        return sb.toString();
    }
}
