package cn.zhutui.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Figures as the office writes them: thousands separated, a fixed number of decimal places per
 * indicator (0 for counts, 2 for amounts), the same on the page, in Excel and in Word.
 */
public final class Numbers {

    /** Decimal places of an indicator that allows decimals (万元, 亩). */
    public static final int DECIMAL_PLACES = 2;

    private Numbers() {
    }

    public static int places(boolean decimals) {
        return decimals ? DECIMAL_PLACES : 0;
    }

    /** 12,345 or 1,234.50; empty for null. */
    public static String grouped(BigDecimal v, int places) {
        if (v == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat(pattern(places), DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v.setScale(places, RoundingMode.HALF_UP));
    }

    /** The same format as an Excel number format. */
    public static String excelFormat(int places) {
        return pattern(places);
    }

    private static String pattern(int places) {
        return places == 0 ? "#,##0" : "#,##0." + "0".repeat(places);
    }
}
