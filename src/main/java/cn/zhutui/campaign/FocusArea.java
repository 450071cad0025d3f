package cn.zhutui.campaign;

public record FocusArea(long id, long campaignId, String name, int sort, int version) {
}
