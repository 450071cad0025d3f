package cn.zhutui.campaign;

import java.math.BigDecimal;

/** A counted figure with its unit; decimals says whether fractions (万元) are allowed. */
public record Indicator(long id, long taskTypeId, String name, String unit, boolean decimals, BigDecimal minValue,
                        BigDecimal maxValue, int sort, boolean retired, int version) {

    /** "产业项目（个）" — how a header or label shows it. */
    public String title() {
        return name + "（" + unit + "）";
    }

    /** Null if the value fits; otherwise the message code of what is wrong with it. */
    public String check(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (!decimals && value.stripTrailingZeros().scale() > 0) {
            return "indicator.integer";
        }
        if (value.scale() > 4 && value.stripTrailingZeros().scale() > 4) {
            return "indicator.scale";
        }
        if (value.compareTo(minValue) < 0 || value.compareTo(maxValue) > 0) {
            return "indicator.bounds";
        }
        return null;
    }
}
