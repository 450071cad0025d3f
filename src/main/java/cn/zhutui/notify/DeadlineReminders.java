package cn.zhutui.notify;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.Deadline;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.Role;
import cn.zhutui.ledger.PeriodState;
import cn.zhutui.ledger.SubmissionService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning: reminds a unit's staff of a deadline coming in the next days, and tells the unit
 * above when a unit let one pass. Each notice goes out once (its dedup key), so running again —
 * after a restart, say — sends nothing twice.
 */
@Component
class DeadlineReminders {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

    private final CampaignService campaigns;
    private final SubmissionService submissions;
    private final OrgService orgs;
    private final UserService users;
    private final NotificationService notifications;
    private final NotificationProperties props;

    DeadlineReminders(CampaignService campaigns, SubmissionService submissions, OrgService orgs, UserService users,
                      NotificationService notifications, NotificationProperties props) {
        this.campaigns = campaigns;
        this.submissions = submissions;
        this.orgs = orgs;
        this.users = users;
        this.notifications = notifications;
        this.props = props;
    }

    @Scheduled(cron = "0 0 8 * * *", zone = "${zhutui.time-zone:Asia/Shanghai}")
    void daily() {
        run(submissions.today());
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            run(submissions.today());
        } catch (RuntimeException e) {
            log.warn("Deadline reminders at start-up failed: {}", e.toString());
        }
    }

    /** Raises the day's reminders and overdue notices; returns how many notifications were new. */
    int run(LocalDate today) {
        DataScope system = DataScope.system();
        int sent = 0;
        for (Campaign campaign : campaigns.active(system)) {
            Org owner = orgs.find(campaign.orgId()).orElseThrow();
            List<Org> units = orgs.subtree(system, owner.id()).stream().filter(o -> o.kind() == OrgKind.COMMITTEE).toList();
            List<Long> unitIds = units.stream().map(Org::id).toList();
            for (Deadline d : campaigns.rhythm(campaign)) {
                Period current = Period.containing(today, d.periodType());
                for (Period p : List.of(current.previous(), current)) {
                    if (p.end().isBefore(campaign.startDate())) {
                        continue;
                    }
                    LocalDate deadline = submissions.deadline(campaign, p);
                    Map<Long, PeriodState> states = submissions.states(campaign, p, unitIds);
                    for (Org unit : units) {
                        PeriodState st = states.get(unit.id());
                        if (st.submitted()) {
                            continue;
                        }
                        if (!today.isAfter(deadline) && !today.isBefore(deadline.minusDays(props.remindDaysBefore()))) {
                            sent += notifications.notify(staffOf(unit), "DEADLINE", "notify.deadlineSoon",
                                    List.of(campaign.name(), p.label(Locale.SIMPLIFIED_CHINESE), deadline.toString()),
                                    "/periods?campaignId=" + campaign.id() + "&periodType=" + p.type() + "&periodId=" + p.id(),
                                    "deadline:" + campaign.id() + ":" + p.id() + ":" + unit.id());
                        } else if (today.isAfter(deadline)) {
                            Org parent = orgs.parentUnit(unit).orElse(null);
                            if (parent != null && parent.id() != unit.id()) {
                                sent += notifications.notify(overseersOf(parent), "OVERDUE", "notify.childOverdue",
                                        List.of(unit.name(), campaign.name(), p.label(Locale.SIMPLIFIED_CHINESE), deadline.toString()),
                                        "/reports/submissions?campaignId=" + campaign.id() + "&orgId=" + parent.id()
                                                + "&periodType=" + p.type() + "&periodId=" + p.id(),
                                        "overdue:" + campaign.id() + ":" + p.id() + ":" + unit.id());
                            }
                        }
                    }
                }
            }
        }
        if (sent > 0) {
            log.info("Deadline reminders: {} notifications", sent);
        }
        return sent;
    }

    private List<Long> staffOf(Org unit) {
        return users.withRole(unit.id(), Role.STAFF).stream().map(UserAccount::id).toList();
    }

    private List<Long> overseersOf(Org unit) {
        return Stream.concat(users.withRole(unit.id(), Role.STAFF).stream(), users.withRole(unit.id(), Role.REVIEWER).stream())
                .map(UserAccount::id).distinct().toList();
    }
}
