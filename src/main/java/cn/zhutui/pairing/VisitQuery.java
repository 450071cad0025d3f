package cn.zhutui.pairing;

import java.time.LocalDate;

/** Filters of the visit list, each optional: an org subtree, a pairing, a member who went, a kind, a date range. */
public record VisitQuery(Long orgId, Long unitOrgId, Long pairingId, Long memberId, PairingKind kind, LocalDate from, LocalDate to,
                         String regionCode) {

    public static VisitQuery all() {
        return new VisitQuery(null, null, null, null, null, null, null, null);
    }

    public VisitQuery withPairing(Long id) {
        return new VisitQuery(orgId, unitOrgId, id, memberId, kind, from, to, regionCode);
    }
}
