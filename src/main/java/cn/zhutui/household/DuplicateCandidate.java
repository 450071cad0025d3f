package cn.zhutui.household;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A likely duplicate waiting for a person's decision: someone registered in a household with the
 * same name and birth date as someone of another household of the same village.
 *
 * @param status PENDING, DISTINCT (two people) or DUPLICATE (one person registered twice)
 */
public record DuplicateCandidate(long id, long householdId, long personId, String name, LocalDate birthDate,
                                 String maskedIdNumber, String headName, long otherHouseholdId, long otherPersonId,
                                 String otherMaskedIdNumber, String otherHeadName, String regionCode, String status,
                                 OffsetDateTime createdAt, int version) {
}
