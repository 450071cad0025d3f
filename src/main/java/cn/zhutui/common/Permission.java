package cn.zhutui.common;

import static cn.zhutui.common.Role.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The permission matrix: which roles may do what. Services check these (not only the pages), so a
 * hidden button is never the only guard. Where a permission is held is limited by the DataScope.
 */
public enum Permission {
    ORG_VIEW(ADMIN, STAFF, REVIEWER, VIEWER, CADRE, MEMBER),
    ORG_EDIT(ADMIN, STAFF),
    MEMBER_VIEW(ADMIN, STAFF, REVIEWER, VIEWER),
    MEMBER_EDIT(ADMIN, STAFF),
    /** see household and member phone numbers unmasked */
    PII_VIEW(ADMIN, STAFF),
    REGION_ADMIN(ADMIN),
    DICT_ADMIN(ADMIN),
    USER_ADMIN(ADMIN),
    AUDIT_VIEW(ADMIN),
    CAMPAIGN_EDIT(ADMIN),
    LEDGER_VIEW(ADMIN, STAFF, REVIEWER, VIEWER, MEMBER, CADRE),
    LEDGER_RECORD(ADMIN, STAFF, MEMBER),
    LEDGER_REVIEW(ADMIN, REVIEWER),
    PERIOD_SUBMIT(ADMIN, STAFF),
    PERIOD_UNLOCK(ADMIN, REVIEWER),
    REPORT_VIEW(ADMIN, STAFF, REVIEWER, VIEWER),
    /** the household registry: office roles in their org's region, cadres in theirs, members their paired households */
    HOUSEHOLD_VIEW(ADMIN, STAFF, REVIEWER, VIEWER, CADRE, MEMBER),
    HOUSEHOLD_EDIT(ADMIN, STAFF, CADRE),
    PAIRING_VIEW(ADMIN, STAFF, REVIEWER, VIEWER, CADRE, MEMBER),
    PAIRING_EDIT(ADMIN, STAFF),
    /** record visits and tick duties: office staff for their scope, members and cadres for their own pairings */
    PAIRING_VISIT(ADMIN, STAFF, MEMBER, CADRE),
    DUTY_TEMPLATE_EDIT(ADMIN, STAFF),
    /** 协商在基层: read platforms, topics, meetings and outcomes in scope (members: their own meetings) */
    CONSULT_VIEW(ADMIN, STAFF, REVIEWER, VIEWER, CADRE, MEMBER),
    /** run the consultation work of one's own committee: platforms, procedure, topics, meetings, outcomes */
    CONSULT_MANAGE(ADMIN, STAFF),
    /** raise a topic (a cadre's wait for the office to accept them) */
    CONSULT_RAISE(ADMIN, STAFF, CADRE),
    /** record follow-up notes and residents' feedback on outcomes */
    CONSULT_FOLLOW_UP(ADMIN, STAFF, CADRE),
    /** publish outcomes on the public page (the county office) */
    CONSULT_PUBLISH(ADMIN, STAFF),
    /** return-to-poverty monitoring: see cases (office roles in their org's region, cadres in theirs) */
    MONITOR_VIEW(ADMIN, STAFF, REVIEWER, VIEWER, CADRE),
    /** report clues, home visits, village reviews and notices, plans, follow-ups, elimination proposals */
    MONITOR_RECORD(ADMIN, STAFF, CADRE),
    /** the township's review (a cadre of a village does not hold it: see MonitorService) */
    MONITOR_TOWNSHIP(ADMIN, STAFF, CADRE),
    /** the county's decision and confirmation, and reopening an eliminated case */
    MONITOR_DECIDE(ADMIN, STAFF, REVIEWER),
    /** import a department's screening file, run the automatic checks */
    MONITOR_IMPORT(ADMIN, STAFF),
    /** set the income line of a province and year */
    MONITOR_LINE_EDIT(ADMIN);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    public boolean grantedTo(Set<Role> held) {
        return held.stream().anyMatch(roles::contains);
    }
}
