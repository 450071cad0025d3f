package cn.zhutui.report;

import cn.zhutui.common.ReportPeriod;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.org.OrgService;
import org.springframework.stereotype.Component;

/** Turns what a page asked into a full report request: the newest campaign, the user's own committee, the year so far. */
@Component
class ReportDefaults {

    private final CampaignService campaigns;
    private final OrgService orgs;
    private final LedgerService ledger;

    ReportDefaults(CampaignService campaigns, OrgService orgs, LedgerService ledger) {
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.ledger = ledger;
    }

    ReportRequest resolve(DataScope scope, ReportParams p) {
        Campaign campaign = campaigns.current(scope, p.getCampaignId());
        if (campaign == null) {
            throw new NotFoundException("campaign", "any");
        }
        // the user's own org: a committee's report, or another org's own entries; never a unit above the scope
        long org = p.getOrgId() != null ? p.getOrgId() : scope.orgId();
        ReportPeriod period = period(p);
        if (period == null) {
            period = standard(ledger.today());
        }
        return new ReportRequest(campaign.id(), org, period, p.isSubmitted(), p.getRegionCode(), p.getTag());
    }

    /** The period picker of a campaign's pages: its years, from its first to its last (or this one, while it runs). */
    static cn.zhutui.common.PeriodPicker picker(Campaign campaign, ReportPeriod chosen, java.time.LocalDate today, java.util.Locale locale) {
        int last = campaign.endDate() != null && campaign.endDate().isBefore(today) ? campaign.endDate().getYear() : today.getYear();
        return cn.zhutui.common.PeriodPicker.of(campaign.startDate().getYear(), last, chosen, locale);
    }

    /**
     * The period every statistics page opens on, the table and the dashboard alike: the year to the
     * end of the current quarter, as the seeds report it (年初至第三季度末).
     */
    static ReportPeriod standard(java.time.LocalDate today) {
        return ReportPeriod.parse(Period.containing(today, PeriodType.QUARTER).id() + "YTD");
    }

    /** What the page asked for: a period id, a range of days, or a year and a span of it; null for the standard period. */
    private static ReportPeriod period(ReportParams p) {
        if (p.getPeriodId() != null) {
            if (!ReportPeriod.isValid(p.getPeriodId())) {
                throw cn.zhutui.common.BusinessException.onField("periodId", "ledger.period.invalid", p.getPeriodId());
            }
            return ReportPeriod.parse(p.getPeriodId());
        }
        try {
            if (p.getYear() != null && p.getSpan() != null) {
                return ReportPeriod.of(p.getYear(), p.getSpan());
            }
            if (p.getFrom() != null && p.getTo() != null) {
                return ReportPeriod.custom(p.getFrom(), p.getTo());
            }
            if (p.getYear() != null) {
                return ReportPeriod.of(p.getYear(), "Y");
            }
        } catch (IllegalArgumentException e) {
            throw cn.zhutui.common.BusinessException.onField("periodId", "report.period.invalidChoice");
        }
        return null;
    }
}
