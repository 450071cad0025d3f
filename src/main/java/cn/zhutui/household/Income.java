package cn.zhutui.household;

import java.math.BigDecimal;

/** Income per head (元) of a household in a year. */
public record Income(long householdId, int year, BigDecimal perHead) {
}
