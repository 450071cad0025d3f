package cn.zhutui.period;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.campaign.Deadline;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.Role;
import cn.zhutui.notify.Notice;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every morning: reminds a unit's staff of a deadline coming in the next days, and tells each
 * level above, in one notice per period, which of its units let the deadline pass. Each notice
 * goes out once (its dedup key), so running again — after a restart, say — sends nothing twice.
 * Only units taking part in a campaign hear of it.
 */
@Component
class DeadlineReminders {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

    private final CampaignService campaigns;
    private final SubmissionService submissions;
    private final OrgService orgs;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final cn.zhutui.notify.NotificationService notifications;
    private final TransactionTemplate tx;
    private final int remindDaysBefore;

    DeadlineReminders(CampaignService campaigns, SubmissionService submissions, OrgService orgs, UserService users,
                      ApplicationEventPublisher events, cn.zhutui.notify.NotificationService notifications, TransactionTemplate tx,
                      @org.springframework.beans.factory.annotation.Value("${zhutui.notify.remind-days-before:3}") int remindDaysBefore) {
        this.campaigns = campaigns;
        this.submissions = submissions;
        this.orgs = orgs;
        this.users = users;
        this.events = events;
        this.notifications = notifications;
        this.tx = tx;
        this.remindDaysBefore = remindDaysBefore;
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
        Integer sent = tx.execute(s -> remindAll(today));
        if (sent != null && sent > 0) {
            log.info("Deadline reminders: {} notifications", sent);
        }
        return sent == null ? 0 : sent;
    }

    private int remindAll(LocalDate today) {
        DataScope system = DataScope.system();
        int[] sent = {0};
        for (Campaign campaign : campaigns.active(system)) {
            Org owner = orgs.find(campaign.orgId()).orElseThrow();
            List<Org> units = orgs.subtree(system, owner.id()).stream()
                    .filter(o -> o.kind() == OrgKind.COMMITTEE && campaigns.takesPart(campaign, o)).toList();
            List<Long> unitIds = units.stream().map(Org::id).toList();
            for (Deadline d : campaigns.rhythm(campaign)) {
                Period current = Period.containing(today, d.periodType());
                for (Period p : List.of(current.previous(), current)) {
                    if (p.end().isBefore(campaign.startDate())) {
                        continue;
                    }
                    LocalDate deadline = submissions.deadline(campaign, p);
                    Map<Long, PeriodState> states = submissions.states(campaign, p, unitIds);
                    String label = p.label(Locale.SIMPLIFIED_CHINESE);
                    Map<Org, List<Org>> overdueByParent = new LinkedHashMap<>();
                    for (Org unit : units) {
                        if (states.get(unit.id()).submitted()) {
                            continue;
                        }
                        if (!today.isAfter(deadline) && !today.isBefore(deadline.minusDays(remindDaysBefore))) {
                            sent[0] += publish(staffOf(unit), "DEADLINE", "notify.deadlineSoon",
                                    List.of(campaign.name(), label, deadline.toString()),
                                    "/periods?campaignId=" + campaign.id() + "&periodType=" + p.type() + "&periodId=" + p.id(),
                                    "deadline:" + campaign.id() + ":" + p.id() + ":" + unit.id());
                        } else if (today.isAfter(deadline)) {
                            orgs.parentUnit(unit).filter(parent -> parent.id() != unit.id())
                                    .ifPresent(parent -> overdueByParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit));
                        }
                    }
                    overdueByParent.forEach((parent, late) -> sent[0] += publish(overseersOf(parent), "OVERDUE", "notify.childrenOverdue",
                            List.of(campaign.name(), label, deadline.toString(), String.valueOf(late.size()),
                                    late.stream().map(Org::name).collect(Collectors.joining("、"))),
                            "/reports/submissions?campaignId=" + campaign.id() + "&orgId=" + parent.id()
                                    + "&periodType=" + p.type() + "&periodId=" + p.id(),
                            "overdue:" + campaign.id() + ":" + p.id() + ":" + parent.id()));
                }
            }
        }
        return sent[0];
    }

    /** Publishes a notice; returns how many of its recipients did not have it yet. */
    private int publish(List<Long> userIds, String kind, String code, List<String> args, String link, String dedupKey) {
        if (userIds.isEmpty()) {
            return 0;
        }
        long before = notifications.countByKey(dedupKey);
        events.publishEvent(new Notice(userIds, kind, code, args, link, dedupKey));
        return (int) (notifications.countByKey(dedupKey) - before);
    }

    private List<Long> staffOf(Org unit) {
        return users.withRole(unit.id(), Role.STAFF).stream().map(UserAccount::id).toList();
    }

    private List<Long> overseersOf(Org unit) {
        return Stream.concat(users.withRole(unit.id(), Role.STAFF).stream(), users.withRole(unit.id(), Role.REVIEWER).stream())
                .map(UserAccount::id).distinct().toList();
    }
}
