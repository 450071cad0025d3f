package cn.zhutui.ledger;

import cn.zhutui.period.SubmissionService;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The choices of the entry filters (campaigns, task types, orgs, periods), shared by the list and the review queue. */
@Component
class LedgerFilters {

    private final CampaignService campaigns;
    private final OrgService orgs;
    private final RegionService regions;
    private final SubmissionService periods;

    LedgerFilters(CampaignService campaigns, OrgService orgs, RegionService regions, SubmissionService periods) {
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.regions = regions;
        this.periods = periods;
    }

    /** The campaign a page works on: the one asked for, else the newest active one the user's org takes part in. */
    Campaign campaign(DataScope scope, Long campaignId) {
        return campaigns.current(scope, campaignId);
    }

    void addTo(Model model, DataScope scope, LedgerQuery q, Locale locale) {
        model.addAttribute("q", q);
        model.addAttribute("campaignChoices", campaigns.visible(scope));
        model.addAttribute("structure", q.campaignId() == null ? null : campaigns.structure(scope, q.campaignId()));
        model.addAttribute("orgChoices", scope.ownRecordsOnly() ? List.of() : orgs.inScope(scope));
        model.addAttribute("periodChoices", periodChoices(locale));
        model.addAttribute("regionName", q.regionCode() == null ? "" : regions.find(q.regionCode()).map(r -> r.name()).orElse(""));
    }

    /** Years, half-years, quarters and months, newest first, back to 2018. */
    List<String[]> periodChoices(Locale locale) {
        List<String[]> choices = new ArrayList<>();
        LocalDate today = periods.today();
        for (int year = today.getYear(); year >= 2018; year--) {
            Period y = new Period(PeriodType.YEAR, year, 1);
            choices.add(new String[] {y.id(), y.label(locale)});
            for (int h = 2; h >= 1; h--) {
                Period p = new Period(PeriodType.HALF_YEAR, year, h);
                if (!p.start().isAfter(today)) {
                    choices.add(new String[] {p.id(), "　" + p.label(locale)});
                }
            }
            for (int qtr = 4; qtr >= 1; qtr--) {
                Period p = new Period(PeriodType.QUARTER, year, qtr);
                if (!p.start().isAfter(today)) {
                    choices.add(new String[] {p.id(), "　　" + p.label(locale)});
                }
            }
            if (year >= today.getYear() - 1) {
                for (int m = 12; m >= 1; m--) {
                    Period p = new Period(PeriodType.MONTH, year, m);
                    if (!p.start().isAfter(today)) {
                        choices.add(new String[] {p.id(), "　　　" + p.label(locale)});
                    }
                }
            }
        }
        return choices;
    }
}
