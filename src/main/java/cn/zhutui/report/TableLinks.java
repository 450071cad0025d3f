package cn.zhutui.report;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * Where each figure of the statistics table leads, built once per page: a province's table has
 * some 400 figures, and a link expression per figure evaluated six to ten parameters each, the
 * largest part of the page's rendering. A unit with units below it opens its own table; any other
 * figure opens the entries behind it.
 */
final class TableLinks {

    /** A figure of a row in a unit's column, with where it leads. */
    record Cell(long orgId, String text, String href) {
    }

    /** A row of the table with the link of its total and its cells in the columns' order. */
    record RowLinks(StatisticsTable.Row row, String totalHref, List<Cell> cells) {

        /**
         * The row's figures as table cells, written here rather than by three template expressions
         * per figure: those were three quarters of the expressions a table page evaluates. Every
         * value is escaped (the links carry the page's region and tag as given).
         */
        public String cellsHtml() {
            StringBuilder html = new StringBuilder(cells.size() * 200);
            for (Cell c : cells) {
                html.append("<td class=\"num\"><a class=\"cell\" data-org=\"").append(c.orgId()).append("\" href=\"")
                        .append(HtmlUtils.htmlEscape(c.href())).append("\">").append(HtmlUtils.htmlEscape(c.text())).append("</a></td>");
            }
            return html.toString();
        }
    }

    private TableLinks() {
    }

    static List<RowLinks> of(StatisticsTable t, ReportRequest request, String contextPath) {
        String counted = t.includeSubmitted() ? "APPROVED_AND_SUBMITTED" : "APPROVED";
        // the entries' filters every figure shares, after the org and the task type
        String entriesTail = param("from", t.period().from()) + param("to", t.period().to()) + param("counted", counted)
                + param("regionCode", request.regionCode()) + param("tag", request.tag()) + param("reportOrg", t.orgId())
                + param("reportPeriod", t.period().id());
        List<String> heads = new ArrayList<>();
        for (StatisticsTable.Column c : t.columns()) {
            heads.add(c.drillable() ? contextPath + "/reports?campaignId=" + t.campaignId() + param("orgId", c.orgId())
                    + param("periodId", t.period().id()) + param("submitted", t.includeSubmitted())
                    + param("regionCode", request.regionCode()) + param("tag", request.tag())
                    : contextPath + "/entries?campaignId=" + t.campaignId() + param(c.own() ? "unitOrgId" : "orgId", c.orgId()));
        }
        String totalHead = contextPath + "/entries?campaignId=" + t.campaignId() + param("orgId", t.orgId());
        List<RowLinks> rows = new ArrayList<>(t.rows().size());
        for (StatisticsTable.Row row : t.rows()) {
            String type = param("taskTypeId", row.taskTypeId()) + entriesTail;
            List<Cell> cells = new ArrayList<>(heads.size());
            for (int i = 0; i < heads.size(); i++) {
                StatisticsTable.Column c = t.columns().get(i);
                cells.add(new Cell(c.orgId(), row.format(row.value(c.orgId())), c.drillable() ? heads.get(i) : heads.get(i) + type));
            }
            rows.add(new RowLinks(row, totalHead + type, cells));
        }
        return rows;
    }

    /** "&name=value", the value encoded; nothing for a filter not set. */
    private static String param(String name, Object value) {
        return value == null ? "" : "&" + name + "=" + UriUtils.encodeQueryParam(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8);
    }
}
