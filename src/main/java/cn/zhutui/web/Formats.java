package cn.zhutui.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Formats for templates: {@code ${@fmt.num(v)}} → 169,428.5; {@code ${@fmt.pct(v)}} → +12.3%;
 * {@code ${@fmt.time(t)}} → 2026-11-30 06:35 in the users' time zone (zhutui.time-zone), whatever
 * zone the database or the server gives.
 */
@Component("fmt")
public class Formats {

    private static final java.time.format.DateTimeFormatter MINUTES = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final java.time.ZoneId zone;

    Formats(java.time.Clock clock) {
        this.zone = clock.getZone();
    }

    /** A moment as the users' local date and time, to the minute. */
    public String time(java.time.OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(zone).format(MINUTES);
    }

    public String time(java.time.Instant t) {
        return t == null ? "" : t.atZone(zone).format(MINUTES);
    }

    /** To the second (the audit log). */
    public String seconds(java.time.OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(zone).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }

    /** A moment's date in the users' zone. */
    public String date(java.time.OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(zone).format(DAY);
    }

    public String num(BigDecimal v) {
        if (v == null) {
            return "";
        }
        DecimalFormat f = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }

    public String num(long v) {
        return num(BigDecimal.valueOf(v));
    }

    /** An int from the model (a limit, a count): without it SpEL finds num(long) and num(BigDecimal) equally good and fails. */
    public String num(Integer v) {
        return v == null ? "" : num(v.longValue());
    }

    /** A change in percent with its sign; empty when there is nothing to compare with. */
    public String pct(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        // one decimal always: +8.0% beside +9.5%, never +8% beside it
        return (v.signum() > 0 ? "+" : "") + v.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** A share in percent, no sign. */
    public String share(BigDecimal v) {
        return v == null ? "—" : v.setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
