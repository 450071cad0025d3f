package cn.zhutui.pairing;

/**
 * Filters of the pairing list, each optional.
 *
 * @param orgId     an org subtree (the organising org)
 * @param status    as of today
 * @param regionCode a region subtree of the target
 * @param text      part of the member's, org's or cadre's name
 */
public record PairingQuery(PairingKind kind, Long orgId, Long memberId, Long householdId, PairingStatus status, String regionCode,
                           String text, String sort) {

    public static PairingQuery all() {
        return new PairingQuery(null, null, null, null, null, null, null, null);
    }

    public PairingQuery withMember(Long id) {
        return new PairingQuery(kind, orgId, id, householdId, status, regionCode, text, sort);
    }

    public PairingQuery withHousehold(Long id) {
        return new PairingQuery(kind, orgId, memberId, id, status, regionCode, text, sort);
    }

    public PairingQuery withStatus(PairingStatus s) {
        return new PairingQuery(kind, orgId, memberId, householdId, s, regionCode, text, sort);
    }
}
