package cn.zhutui.report;

import cn.zhutui.common.ReportPeriod;

/**
 * What a report is asked for: a campaign, the org it is about, the span, whether submitted
 * entries count too, and optionally only work done in a region or in counties with a tag.
 */
public record ReportRequest(long campaignId, long orgId, ReportPeriod period, boolean includeSubmitted, String regionCode,
                            String tag) {
}
