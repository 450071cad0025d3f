package cn.zhutui.monitor;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A follow-up visit (跟踪回访): the income per head the household expects this year, whether its
 * big rigid costs are solved, its 三保障 (school, medical care, safe housing) and drinking water;
 * {@code pairingVisitId} when a pairing visit (走访) was the visit.
 */
public record FollowUp(long id, long caseId, LocalDate visitedOn, String visitors, String notes, BigDecimal incomePerHead,
                       boolean rigidCostsSolved, boolean schoolOk, boolean medicalOk, boolean housingOk, boolean waterOk,
                       Long pairingVisitId, Long createdBy) {

    public boolean secure() {
        return schoolOk && medicalOk && housingOk && waterOk;
    }
}
