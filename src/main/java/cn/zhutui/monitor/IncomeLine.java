package cn.zhutui.monitor;

import java.math.BigDecimal;

/**
 * The monitoring income line (监测范围, 元 per head and year) of a province in force for a year:
 * {@code setForYear} is the year of the row it comes from (earlier than the year asked when the
 * province set none for it yet).
 */
public record IncomeLine(String provinceCode, int year, int setForYear, BigDecimal perHead, String note) {

    public boolean carried() {
        return setForYear != year;
    }
}
