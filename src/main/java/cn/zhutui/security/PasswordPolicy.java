package cn.zhutui.security;

import cn.zhutui.common.BusinessException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/**
 * The password rules of 等保 level 3: at least 8 characters with three of the four kinds (upper
 * case, lower case, digits, symbols), not holding the username, not a common password. Reuse of
 * the last passwords and expiry are the user service's (they need the history).
 */
final class PasswordPolicy {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password == null || password.length() < 8 || password.length() > 64) {
            throw BusinessException.onField("newPassword", "password.length");
        }
        if (kinds(password) < 3) {
            throw BusinessException.onField("newPassword", "password.kinds");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw BusinessException.onField("newPassword", "password.sameAsUsername");
        }
        if (COMMON.contains(lower)) {
            throw BusinessException.onField("newPassword", "password.common");
        }
    }

    /** How many of upper case, lower case, digits and symbols the password uses. */
    static int kinds(String password) {
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        return kinds;
    }

    /** A password to hand over once: 12 characters of three kinds, easy to read aloud (no 0/O, 1/l). */
    static String generate() {
        String all = UPPER + LOWER + DIGITS;
        char[] pw = new char[12];
        for (int i = 0; i < pw.length; i++) {
            pw[i] = all.charAt(RANDOM.nextInt(all.length()));
        }
        // one of each kind, at distinct places
        pw[RANDOM.nextInt(4)] = UPPER.charAt(RANDOM.nextInt(UPPER.length()));
        pw[4 + RANDOM.nextInt(4)] = LOWER.charAt(RANDOM.nextInt(LOWER.length()));
        pw[8 + RANDOM.nextInt(4)] = DIGITS.charAt(RANDOM.nextInt(DIGITS.length()));
        return new String(pw);
    }

    private static Set<String> load() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            return r.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException("common-passwords.txt missing", e);
        }
    }
}
