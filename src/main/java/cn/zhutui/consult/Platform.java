package cn.zhutui.consult;

import java.time.LocalDate;

/**
 * A consultation platform (协商议事平台): a venue (议事室) at township, village or enterprise level,
 * run by a committee (the county CPPCC) and holding its council.
 *
 * @param level a code of the dictionary consult_platform_level
 */
public record Platform(long id, long orgId, String name, String level, String regionCode, String venue, String description,
                       LocalDate establishedOn, boolean active, int version) {
}
