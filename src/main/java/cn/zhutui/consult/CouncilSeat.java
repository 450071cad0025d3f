package cn.zhutui.consult;

import java.time.LocalDate;

/**
 * A seat on a platform's council (议事会): a member, a cadre or a representative, with a role; dated.
 *
 * @param identity a code of consult_participant_role (政协委员, 村（居）民代表 …)
 * @param role     a code of consult_council_role (召集人, 成员 …)
 */
public record CouncilSeat(long id, long platformId, Long memberId, String name, String identity, String role, String affiliation,
                          LocalDate since, LocalDate until) {

    public boolean current() {
        return until == null;
    }
}
