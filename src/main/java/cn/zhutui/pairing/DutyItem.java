package cn.zhutui.pairing;

import java.util.Set;

/**
 * One duty of a template, done in a period when its evidence adds up to the target.
 *
 * @param countsVisits the pairing's visits in the period are the evidence (入户1次); nothing to tick
 * @param evidence     the kinds of evidence that may tick it otherwise
 */
public record DutyItem(long id, long templateId, int sort, String title, int target, boolean countsVisits, Set<Evidence> evidence,
                       boolean retired, int version) {

    public DutyItem {
        evidence = Set.copyOf(evidence);
    }
}
