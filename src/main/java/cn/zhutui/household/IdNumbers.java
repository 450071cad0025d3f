package cn.zhutui.household;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Resident ID numbers (GB 11643): 18 characters, the last a check digit (0-9 or X), the birth date
 * at positions 7-14. Written with a lower-case x or spaces, they are normalised before use.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumbers() {
    }

    /** Upper case, without spaces; null for a blank value. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[\\s\\u3000-]", "").toUpperCase();
        return s.isEmpty() ? null : s;
    }

    /** The message code of what is wrong with a normalised ID number, or null if it is valid. */
    public static String problem(String id) {
        if (id == null || !id.matches("\\d{17}[\\dX]")) {
            return "household.id.format";
        }
        if (checkDigit(id) != id.charAt(17)) {
            return "household.id.checksum";
        }
        if (birthDate(id).isEmpty()) {
            return "household.id.birthDate";
        }
        return null;
    }

    public static boolean valid(String id) {
        return problem(id) == null;
    }

    /** The check digit the first 17 digits call for. */
    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** The birth date written in the number, if it is a real date. */
    public static Optional<LocalDate> birthDate(String id) {
        if (id == null || id.length() != 18) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return d.getYear() < 1900 ? Optional.empty() : Optional.of(d);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The gender written in the number: M for an odd 17th digit, F for an even one. */
    public static String gender(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? "M" : "F";
    }
}
