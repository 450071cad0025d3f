package cn.zhutui.consult;

import java.time.OffsetDateTime;

/**
 * One person at a meeting: their role, whether they came (sign-in, per person), and their
 * confirmation of the minutes — in the app (SELF) or their signature recorded by the host (SIGNED).
 *
 * @param role     a code of consult_participant_role
 * @param attended null until the sign-in is recorded; then present or absent
 */
public record Participant(long id, long meetingId, Long memberId, String name, String role, String affiliation, boolean host,
                          Boolean attended, OffsetDateTime signedInAt, String confirmation, OffsetDateTime confirmedAt,
                          Long confirmedBy, int sort) {

    public static final String SELF = "SELF";
    public static final String SIGNED = "SIGNED";

    public boolean present() {
        return Boolean.TRUE.equals(attended);
    }

    public boolean confirmed() {
        return confirmation != null;
    }
}
