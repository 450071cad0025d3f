package cn.zhutui.report;

import cn.zhutui.common.ReportPeriod;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statistics table for other systems (a provincial big screen, a spreadsheet refresh): the
 * same figures, scope and periods as the page, live from the ledger.
 */
@RestController
@RequestMapping(value = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "reports", description = "统计 statistics")
@SecurityRequirement(name = "bearer")
class ReportApiController {

    private final ReportService reports;
    private final ReportDefaults defaults;

    ReportApiController(ReportService reports, ReportDefaults defaults) {
        this.reports = reports;
        this.defaults = defaults;
    }

    @GetMapping("/table")
    @Operation(summary = "A campaign's statistics table for an org and its child units",
            description = "periodId: 202503, 2025Q1, 2025S1, 2025, 2025Q3YTD or 2025-01-05_2025-03-20; submitted=true counts submitted entries too")
    TableDto table(DataScope scope, @org.springdoc.core.annotations.ParameterObject @ModelAttribute ReportParams params, Locale locale) {
        if (params.getPeriodId() != null && !ReportPeriod.isValid(params.getPeriodId())) {
            throw new InvalidInputException(List.of(new BusinessException("periodId", "ledger.period.invalid", new Object[] {params.getPeriodId()})));
        }
        StatisticsTable t = reports.table(scope, defaults.resolve(scope, params), locale);
        return new TableDto(t.campaignId(), t.campaignName(), t.orgId(), t.orgName(), t.period().id(), t.periodLabel(), t.includeSubmitted(),
                t.columns().stream().map(c -> new ColumnDto(c.orgId(), c.name(), c.own())).toList(),
                t.rows().stream().map(ReportApiController::row).toList(), t.summary().stream().map(ReportApiController::row).toList());
    }

    private static RowDto row(StatisticsTable.Row r) {
        return new RowDto(r.key(), r.focusArea(), r.taskType(), r.name(), r.unit(), r.retired(), r.total(), r.values(), r.target(),
                r.lastYear(), r.previous());
    }

    record TableDto(long campaignId, String campaignName, long orgId, String orgName, String periodId, String periodLabel,
                    boolean includesSubmitted, List<ColumnDto> columns, List<RowDto> rows, List<RowDto> summary) {
    }

    record ColumnDto(long orgId, String name, boolean ownWork) {
    }

    /** An indicator (key: its id) or a summary line (entries, members, households, persons); values by column org. */
    record RowDto(String key, String focusArea, String taskType, String name, String unit, boolean retired, BigDecimal total,
                  Map<Long, BigDecimal> values, BigDecimal target, BigDecimal lastYear, BigDecimal previous) {
    }
}
