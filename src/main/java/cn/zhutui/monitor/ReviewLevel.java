package cn.zhutui.monitor;

/** Who reviews: the village (民主评议), the township (审核), the county (审定/确认). */
public enum ReviewLevel {
    VILLAGE, TOWNSHIP, COUNTY
}
