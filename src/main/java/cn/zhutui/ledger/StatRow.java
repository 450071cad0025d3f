package cn.zhutui.ledger;

import java.math.BigDecimal;

/**
 * One sum: a group (a unit id, a county code, a task type id, a month "2025-03" — as text), an
 * indicator (0 for the entries themselves) and the totals.
 */
public record StatRow(String group, long indicatorId, BigDecimal value, long entries, long households, long persons) {
}
