package cn.zhutui.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Number formats for templates: {@code ${@fmt.num(v)}} → 169,428.5; {@code ${@fmt.pct(v)}} → +12.3%. */
@Component("fmt")
public class Formats {

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

    /** A change in percent with its sign; empty when there is nothing to compare with. */
    public String pct(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        return (v.signum() > 0 ? "+" : "") + v.stripTrailingZeros().toPlainString() + "%";
    }

    /** A share in percent, no sign. */
    public String share(BigDecimal v) {
        return v == null ? "—" : v.stripTrailingZeros().toPlainString() + "%";
    }
}
