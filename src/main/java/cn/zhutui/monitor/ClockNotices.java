package cn.zhutui.monitor;

import cn.zhutui.common.Role;
import cn.zhutui.notify.Notice;
import cn.zhutui.notify.NotificationService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.region.RegionService;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 15-day clock in the notification list, every morning, grouped: before it runs out, one
 * notice per township and deadline day to the township's cadres and the county office, listing the
 * households whose case must be decided by then; after it ran out, one notice per township and
 * deadline day listing the cases now overdue, to the same people. Each goes out once (its dedup
 * key), however often the job runs.
 */
@Component
public class ClockNotices {

    private static final Logger log = LoggerFactory.getLogger(ClockNotices.class);

    private final MonitorService cases;
    private final OrgService orgs;
    private final UserService users;
    private final RegionService regions;
    private final ApplicationEventPublisher events;
    private final NotificationService notifications;
    private final TransactionTemplate tx;

    ClockNotices(MonitorService cases, OrgService orgs, UserService users, RegionService regions, ApplicationEventPublisher events,
                 NotificationService notifications, TransactionTemplate tx) {
        this.cases = cases;
        this.orgs = orgs;
        this.users = users;
        this.regions = regions;
        this.events = events;
        this.notifications = notifications;
        this.tx = tx;
    }

    @Scheduled(cron = "0 10 8 * * *", zone = "${zhutui.time-zone:Asia/Shanghai}")
    void daily() {
        run(cases.today());
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            run(cases.today());
        } catch (RuntimeException e) {
            log.warn("Monitoring clock notices at start-up failed: {}", e.toString());
        }
    }

    /** Raises the day's warnings and overdue notices; returns how many notifications were new. */
    public int run(LocalDate today) {
        Integer sent = tx.execute(s -> notifyAll(today));
        return sent == null ? 0 : sent;
    }

    private int notifyAll(LocalDate today) {
        int sent = 0;
        // overdue: deadlines in the last 60 days (older ones were told when they passed); due soon: the next warn days
        List<MonitorCase> clocked = cases.clockedBetween(today.minusDays(60), today.plusDays(cases.warnDays() - 1L));
        Map<String, Map<LocalDate, List<MonitorCase>>> byTownship = new LinkedHashMap<>();
        for (MonitorCase c : clocked) {
            byTownship.computeIfAbsent(c.townshipCode(), k -> new LinkedHashMap<>()).computeIfAbsent(c.deadline(), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, Map<LocalDate, List<MonitorCase>>> t : byTownship.entrySet()) {
            String township = t.getKey();
            List<Long> to = recipients(township);
            if (to.isEmpty()) {
                continue;
            }
            String name = regions.find(township).map(r -> r.name()).orElse(township);
            for (Map.Entry<LocalDate, List<MonitorCase>> d : t.getValue().entrySet()) {
                LocalDate deadline = d.getKey();
                List<MonitorCase> list = d.getValue();
                String names = list.stream().map(MonitorCase::headName).limit(20).collect(Collectors.joining("、"));
                boolean overdue = deadline.isBefore(today);
                String link = "/monitor/cases?regionCode=" + township + (overdue ? "&overdue=true" : "&dueSoon=true");
                sent += publish(to, overdue ? "OVERDUE" : "DEADLINE", overdue ? "monitor.notify.overdue" : "monitor.notify.dueSoon",
                        List.of(name, deadline.toString(), String.valueOf(list.size()), names), link,
                        "monitor:" + (overdue ? "overdue:" : "soon:") + township + ":" + deadline);
            }
        }
        return sent;
    }

    /** The township's cadres (their region inside it, or the township inside theirs) and the county office's staff and reviewers. */
    List<Long> recipients(String townshipCode) {
        Set<Long> ids = new LinkedHashSet<>();
        Org county = orgs.committeeOfRegion(townshipCode.substring(0, 6)).orElse(null);
        if (county == null) {
            return List.of();
        }
        for (UserAccount u : users.withRole(county.id(), Role.STAFF)) {
            ids.add(u.id());
        }
        for (UserAccount u : users.withRole(county.id(), Role.REVIEWER)) {
            ids.add(u.id());
        }
        for (UserAccount u : users.withRole(county.id(), Role.CADRE)) {
            String r = u.regionCode();
            if (r != null && (r.startsWith(townshipCode) || townshipCode.startsWith(r))) {
                ids.add(u.id());
            }
        }
        return List.copyOf(ids);
    }

    private int publish(List<Long> userIds, String kind, String code, List<String> args, String link, String dedupKey) {
        long before = notifications.countByKey(dedupKey);
        events.publishEvent(new Notice(userIds, kind, code, args, link, dedupKey));
        return (int) (notifications.countByKey(dedupKey) - before);
    }
}
