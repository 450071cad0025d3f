package cn.zhutui.monitor;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. Identification: CLUE (home visit and consent to do) → VILLAGE (democratic
 * review to hold) → NOTICE (on the village board, at least 5 days) → TOWNSHIP (review) → COUNTY
 * (decision) — within 15 days of the first clue. Then MONITORED (assisted, followed up), and risk
 * elimination with its own review: ELIM_VILLAGE → ELIM_NOTICE → ELIM_TOWNSHIP → ELIM_COUNTY →
 * ELIMINATED (the household stays on file; the case may be reopened). REJECTED: not included
 * (dismissed as unfounded, consent refused, or a review said no). Labels: monitor.stage.*.
 */
public enum Stage {
    CLUE, VILLAGE, NOTICE, TOWNSHIP, COUNTY, MONITORED, ELIM_VILLAGE, ELIM_NOTICE, ELIM_TOWNSHIP, ELIM_COUNTY, ELIMINATED, REJECTED;

    /** The stages that run against the 15-day clock. */
    public static final Set<Stage> IDENTIFYING = EnumSet.of(CLUE, VILLAGE, NOTICE, TOWNSHIP, COUNTY);
    /** Included in monitoring (纳入监测), eliminated or not. */
    public static final Set<Stage> INCLUDED = EnumSet.of(MONITORED, ELIM_VILLAGE, ELIM_NOTICE, ELIM_TOWNSHIP, ELIM_COUNTY, ELIMINATED);
    /** Included and not (yet) eliminated: 未消除. */
    public static final Set<Stage> NOT_ELIMINATED = EnumSet.of(MONITORED, ELIM_VILLAGE, ELIM_NOTICE, ELIM_TOWNSHIP, ELIM_COUNTY);
    public static final Set<Stage> ELIMINATING = EnumSet.of(ELIM_VILLAGE, ELIM_NOTICE, ELIM_TOWNSHIP, ELIM_COUNTY);

    public boolean identifying() {
        return IDENTIFYING.contains(this);
    }

    public boolean open() {
        return this != ELIMINATED && this != REJECTED;
    }

    public boolean included() {
        return INCLUDED.contains(this);
    }

    public boolean eliminating() {
        return ELIMINATING.contains(this);
    }
}
