package cn.zhutui.period;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.Permission;
import cn.zhutui.common.WorkItem;
import cn.zhutui.common.WorkItemSource;
import cn.zhutui.org.Org;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The clerk's part of the workbench: the unit's submission of the current period, with the
 * deadline and the days left, and an earlier period that is overdue.
 */
@Component
class PeriodWorkItems implements WorkItemSource {

    private final SubmissionService submissions;
    private final CampaignService campaigns;

    PeriodWorkItems(SubmissionService submissions, CampaignService campaigns) {
        this.submissions = submissions;
        this.campaigns = campaigns;
    }

    @Override
    public List<WorkItem> items(DataScope scope) {
        if (!scope.can(Permission.PERIOD_SUBMIT)) {
            return List.of();
        }
        Campaign campaign = campaigns.current(scope, null);
        Org unit = submissions.ownUnit(scope).orElse(null);
        if (campaign == null || unit == null || !campaigns.takesPart(campaign, unit)) {
            return List.of();
        }
        List<WorkItem> items = new ArrayList<>();
        Period current = submissions.periodOf(campaign, submissions.today());
        // the last period that ended, while it is not submitted; after that the current one, whose deadline is next
        Period last = current.previous();
        PeriodState lastState = last.end().isBefore(campaign.startDate()) ? null : submissions.state(campaign, unit.id(), last);
        PeriodState st = lastState != null && !lastState.submitted() ? lastState : submissions.state(campaign, unit.id(), current);
        String link = "/periods?campaignId=" + campaign.id() + "&periodId=" + st.period().id() + "&periodType=" + st.period().type();
        List<String> args = List.of(st.period().label(Locale.SIMPLIFIED_CHINESE), String.valueOf(st.deadline()), String.valueOf(Math.abs(st.daysLeft())));
        if (st.overdue()) {
            items.add(new WorkItem("work.periodOverdue", args, -1, link, true, 0));
        } else if (st.submitted()) {
            items.add(new WorkItem("work.periodSubmitted", args, -1, link, false, 1));
        } else {
            items.add(new WorkItem(st.period().end().isBefore(submissions.today()) ? "work.periodDue" : "work.periodNext", args, -1, link,
                    st.daysLeft() <= 3 && st.period().end().isBefore(submissions.today()), 1));
        }
        return items;
    }
}
