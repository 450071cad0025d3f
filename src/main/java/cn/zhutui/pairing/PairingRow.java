package cn.zhutui.pairing;

import java.time.LocalDate;

/**
 * A pairing as lists show it: with the helper's and the target's names, the organising org, the
 * place, the last visit and the pairing that replaced it.
 *
 * @param targetTags the household's status tags (empty for other targets)
 */
public record PairingRow(Pairing pairing, String helperName, String targetName, java.util.List<String> targetTags, String orgName,
                         String regionName, LocalDate lastVisit, long visits, Long replacedById) {
}
