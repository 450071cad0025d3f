package cn.zhutui.monitor;

/** What a user may do next on a case (the service checks it on every write; the page shows the forms for it). */
public enum CaseAction {
    /** record the home visit and the signed consent */
    VISIT,
    /** close a clue found unfounded (or consent refused) */
    DISMISS,
    VILLAGE_REVIEW,
    /** record an objection raised while the notice hangs */
    OBJECTION,
    TOWNSHIP_REVIEW,
    COUNTY_DECISION,
    /** add to and update the assistance plan */
    PLAN,
    FOLLOW_UP,
    PROPOSE_ELIMINATION,
    REOPEN
}
