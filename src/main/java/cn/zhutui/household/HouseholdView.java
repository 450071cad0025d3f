package cn.zhutui.household;

import java.math.BigDecimal;
import java.util.List;

/**
 * A household as its page shows it: the record, where it is, the head's ID number and the phone
 * masked, the latest income per head, the people who belong now and the pending duplicate checks.
 */
public record HouseholdView(Household household, String regionName, String maskedHeadIdNumber, String maskedPhone,
                            Integer incomeYear, BigDecimal incomePerHead, List<HouseholdMember> members, long pendingDuplicates) {

    public HouseholdView {
        members = List.copyOf(members);
    }
}
