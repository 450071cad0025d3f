package cn.zhutui.pairing;

/** A named value chain in a county (茶叶, 食用菌, 肉牛羊 …) that a special committee can be linked to. */
public record Industry(long id, String name, String countyCode, long orgId, String description, boolean active, int version) {
}
