package cn.zhutui.report;

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
        ReportPeriod period = p.getPeriodId() != null && ReportPeriod.isValid(p.getPeriodId()) ? ReportPeriod.parse(p.getPeriodId())
                : ReportPeriod.parse(Period.containing(ledger.today(), PeriodType.QUARTER).id() + "YTD");
        return new ReportRequest(campaign.id(), org, period, p.isSubmitted(), p.getRegionCode(), p.getTag());
    }
}
