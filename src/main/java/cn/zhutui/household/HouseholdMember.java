package cn.zhutui.household;

import java.time.LocalDate;
import java.time.Period;

/**
 * One membership of a person in a household: as what (relation, a code of household_relation,
 * HEAD for the head) from which day, until which day (null while they belong). The ID number is
 * only ever here masked.
 */
public record HouseholdMember(long membershipId, long personId, String name, String relation, String gender, LocalDate birthDate,
                              String labour, String health, String schooling, LocalDate joinedOn, LocalDate leftOn, String leftReason,
                              String maskedIdNumber, int personVersion) {

    public static final String HEAD = "HEAD";

    public boolean head() {
        return HEAD.equals(relation);
    }

    public boolean current() {
        return leftOn == null;
    }

    /** Whether this membership covers a day ([joinedOn, leftOn)). */
    public boolean on(LocalDate day) {
        return !day.isBefore(joinedOn) && (leftOn == null || day.isBefore(leftOn));
    }

    /** Age in whole years on a day, or null without a birth date. */
    public Integer age(LocalDate on) {
        return birthDate == null ? null : Period.between(birthDate, on).getYears();
    }
}
