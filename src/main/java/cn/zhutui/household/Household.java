package cn.zhutui.household;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A household of the registry, without its personal data in clear: the head's ID number and the
 * phone are read through {@link HouseholdService} (masked, or revealed and audited).
 *
 * @param regionCode the village (or the township, county) it lives in
 * @param tags       codes of the dictionary household_tag: TUOPIN 脱贫户, SHIFAN 示范户, YIBAN 一般户,
 *                   JIANCE 监测户, BANQIAN 易地搬迁户
 * @param duplicateOf the household it was found to duplicate, when archived as such
 */
public record Household(long id, String regionCode, String address, Long headPersonId, String headName, List<String> tags,
                        HouseholdStatus status, LocalDate archivedOn, String archiveReason, Long duplicateOf, boolean hasPhone,
                        int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public Household {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static final String TUOPIN = "TUOPIN";
    public static final String SHIFAN = "SHIFAN";
    public static final String YIBAN = "YIBAN";
    public static final String JIANCE = "JIANCE";
    public static final String BANQIAN = "BANQIAN";

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    public boolean active() {
        return status == HouseholdStatus.ACTIVE;
    }
}
