package cn.zhutui.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case: one household from its first clue to a decision, its assistance and its risk
 * elimination. Who did each step and when is in its reviews and its history (audit log).
 *
 * @param headName     the head of the household's name, as the registry has it (refreshed at each step)
 * @param regionCode   the household's village when the case opened (its scope)
 * @param kind         the kind proposed at the visit and decided by the county; null until proposed
 * @param firstClueOn  the day of the first clue: the 15-day clock runs from it
 * @param deadline     firstClueOn + 15 days: the county decides by then
 * @param persons      the household's people when it opened (fixed at inclusion): the 人数 of the figures
 * @param hasLabour    whether anyone of the household can work (from the registry at the visit)
 * @param noticeId     the village notice the household is on (identification or elimination)
 */
public record MonitorCase(long id, long householdId, String headName, String regionCode, String townshipCode, String countyCode, MonitorKind kind,
                          List<RiskReason> reasons, RiskReason mainReason, Stage stage, LocalDate firstClueOn, LocalDate deadline,
                          int persons, LocalDate visitedOn, String visitors, String findings, BigDecimal incomePerHead,
                          BigDecimal expense, Boolean hasLabour, LocalDate consentOn, Long consentFileId, Long noticeId,
                          String objection, LocalDate decidedOn, LocalDate includedOn, LocalDate eliminatedOn, LocalDate closedOn,
                          String closedReason, LocalDate elimProposedOn, int reopened, Long responsibleUserId, int version,
                          Long createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public MonitorCase {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public boolean open() {
        return stage.open();
    }
}
