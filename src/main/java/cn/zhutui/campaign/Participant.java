package cn.zhutui.campaign;

/**
 * An org taking part in a campaign.
 *
 * @param withSubtree every unit under the org takes part too; otherwise the unit alone (and its
 *                    offices, groups and studios, whose work it reports)
 */
public record Participant(long orgId, String path, boolean withSubtree) {
}
