package cn.zhutui.campaign;

/** @param shortName a name of at most 30 characters, for sheet tabs and narrow columns */
public record TaskType(long id, long campaignId, long focusAreaId, String name, String shortName, String description,
                       int sort, boolean retired, int version) {
}
