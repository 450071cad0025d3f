package cn.zhutui.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A clue (线索) and its source, kept for good: the channel; who reported (and whether on the
 * household's behalf); for department screening the department, the batch, the file and the row;
 * for an automatic check its rule, the year of the data, the figure and the line it was held
 * against. {@code openedCase}: this clue opened its case (the others joined an open one).
 */
public record Clue(long id, long caseId, long householdId, Channel channel, List<RiskReason> reasons, String description,
                   BigDecimal amount, LocalDate reportedOn, String reporter, boolean onBehalf, String department, Long screeningId,
                   Integer sourceRow, String sourceFile, String rule, Integer ruleYear, BigDecimal figure, BigDecimal line,
                   boolean openedCase, Long createdBy, OffsetDateTime createdAt) {

    public Clue {
        reasons = List.copyOf(reasons);
    }
}
