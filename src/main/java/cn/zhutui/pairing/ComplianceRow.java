package cn.zhutui.pairing;

/**
 * One org's line of the quarterly compliance page.
 *
 * @param pairings   pairings in effect at the quarter's check day (its end, or today)
 * @param expected   of those, the ones whose duties are quarterly (a visit expected every quarter)
 * @param notVisited expected ones without a visit in the quarter
 * @param openItems  duty items still open (the quarter's, or the year's for yearly duties)
 * @param regressed  households whose "四个有" fell in the quarter
 */
public record ComplianceRow(Long orgId, String orgName, long pairings, long expected, long notVisited, long openItems, long regressed) {

    public long visited() {
        return expected - notVisited;
    }

    ComplianceRow plus(ComplianceRow o) {
        return new ComplianceRow(orgId, orgName, pairings + o.pairings, expected + o.expected, notVisited + o.notVisited,
                openItems + o.openItems, regressed + o.regressed);
    }
}
