package cn.zhutui.pairing;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.notify.Notice;
import cn.zhutui.notify.NotificationService;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders of 三联三促 into the one notification list, grouped, never one per pairing per day: in
 * the quarter's last month each member (or cadre) with pairings not yet visited gets one notice
 * listing them, and each committee's staff one notice with its count; in the first fortnight of
 * the next quarter each level above gets one notice naming its units that left pairings
 * unvisited. Each goes out once (its dedup key); a reminder sent from the compliance page goes to
 * the members of that org at most once a week.
 */
@Component
class PairingReminders {

    private static final Logger log = LoggerFactory.getLogger(PairingReminders.class);

    private final OversightService oversight;
    private final OrgService orgs;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final NotificationService notifications;
    private final TransactionTemplate tx;
    private final PairingService pairings;

    PairingReminders(OversightService oversight, OrgService orgs, UserService users, ApplicationEventPublisher events,
                     NotificationService notifications, TransactionTemplate tx, PairingService pairings) {
        this.oversight = oversight;
        this.orgs = orgs;
        this.users = users;
        this.events = events;
        this.notifications = notifications;
        this.tx = tx;
        this.pairings = pairings;
    }

    @Scheduled(cron = "0 30 8 * * *", zone = "${zhutui.time-zone:Asia/Shanghai}")
    void daily() {
        try {
            int sent = run(pairings.today());
            if (sent > 0) {
                log.info("Pairing reminders: {} notifications", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Pairing reminders failed: {}", e.toString());
        }
    }

    /** The day's reminders; returns how many notifications were new. */
    int run(LocalDate today) {
        Integer sent = tx.execute(s -> {
            Period quarter = Period.containing(today, PeriodType.QUARTER);
            int n = 0;
            if (!today.isBefore(quarter.end().withDayOfMonth(1))) {
                List<PairingCompliance> behind = behind(DataScope.system(), null, quarter);
                n += remindHelpers(behind, quarter, "pairing-due:" + quarter.id());
                n += remindUnits(behind, quarter);
            }
            if (today.isBefore(quarter.start().plusDays(15))) {
                n += remindAbove(behind(DataScope.system(), null, quarter.previous()), quarter.previous());
            }
            return n;
        });
        return sent == null ? 0 : sent;
    }

    /** From the compliance page: the members (and cadres) of an org whose pairings wait for a visit, at most once a week each. */
    int remind(DataScope scope, Long orgId, Period quarter) {
        scope.require(Permission.PAIRING_EDIT);
        LocalDate today = pairings.today();
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        Integer sent = tx.execute(s -> remindHelpers(behind(scope, orgId, quarter), quarter, "pairing-due:" + quarter.id() + ":" + week));
        return sent == null ? 0 : sent;
    }

    private List<PairingCompliance> behind(DataScope scope, Long orgId, Period quarter) {
        return oversight.notVisited(scope, orgId, quarter);
    }

    /** One notice per member or cadre, listing their pairings without a visit this quarter. */
    private int remindHelpers(List<PairingCompliance> behind, Period quarter, String keyPrefix) {
        Map<Long, List<PairingCompliance>> byUser = new LinkedHashMap<>();
        for (PairingCompliance pc : behind) {
            Pairing p = pc.row().pairing();
            Long user = p.cadreUserId() != null ? p.cadreUserId()
                    : p.memberId() == null ? null : users.findByMember(p.memberId()).map(UserAccount::id).orElse(null);
            if (user != null) {
                byUser.computeIfAbsent(user, k -> new ArrayList<>()).add(pc);
            }
        }
        int n = 0;
        for (Map.Entry<Long, List<PairingCompliance>> e : byUser.entrySet()) {
            String names = e.getValue().stream().map(pc -> pc.row().targetName()).distinct().limit(10).collect(Collectors.joining("、"));
            n += publish(List.of(e.getKey()), "PAIRING_DUE", "pairing.notify.visitDue",
                    List.of(quarter.label(Locale.SIMPLIFIED_CHINESE), String.valueOf(e.getValue().size()), names), "/field/",
                    keyPrefix + ":" + e.getKey());
        }
        return n;
    }

    /** One notice per committee, to its staff: how many of its pairings wait for a visit. */
    private int remindUnits(List<PairingCompliance> behind, Period quarter) {
        Map<Long, Long> byUnit = behind.stream().collect(Collectors.groupingBy(pc -> pc.row().pairing().unitOrgId(), LinkedHashMap::new,
                Collectors.counting()));
        int n = 0;
        for (Map.Entry<Long, Long> e : byUnit.entrySet()) {
            Org unit = orgs.find(e.getKey()).orElse(null);
            if (unit == null) {
                continue;
            }
            n += publish(staffOf(unit, false), "PAIRING_UNIT", "pairing.notify.unitBehind",
                    List.of(unit.name(), quarter.label(Locale.SIMPLIFIED_CHINESE), String.valueOf(e.getValue())),
                    "/pairings/compliance?orgId=" + unit.id() + "&period=" + quarter.id(), "pairing-unit:" + quarter.id() + ":" + unit.id());
        }
        return n;
    }

    /** One notice per level above, naming its committees that left pairings unvisited in the quarter. */
    private int remindAbove(List<PairingCompliance> behind, Period quarter) {
        Map<Long, Long> byUnit = behind.stream().collect(Collectors.groupingBy(pc -> pc.row().pairing().unitOrgId(), LinkedHashMap::new,
                Collectors.counting()));
        Map<Org, List<String>> byParent = new LinkedHashMap<>();
        byUnit.forEach((unitId, count) -> orgs.find(unitId).ifPresent(unit -> orgs.parentUnit(unit).filter(parent -> parent.id() != unit.id())
                .ifPresent(parent -> byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(unit.name() + "（" + count + "）"))));
        int n = 0;
        for (Map.Entry<Org, List<String>> e : byParent.entrySet()) {
            n += publish(staffOf(e.getKey(), true), "PAIRING_OVERDUE", "pairing.notify.childrenBehind",
                    List.of(quarter.label(Locale.SIMPLIFIED_CHINESE), String.valueOf(e.getValue().size()), String.join("、", e.getValue())),
                    "/pairings/compliance?orgId=" + e.getKey().id() + "&period=" + quarter.id(),
                    "pairing-overdue:" + quarter.id() + ":" + e.getKey().id());
        }
        return n;
    }

    private List<Long> staffOf(Org unit, boolean withReviewers) {
        Stream<UserAccount> s = users.withRole(unit.id(), Role.STAFF).stream();
        if (withReviewers) {
            s = Stream.concat(s, users.withRole(unit.id(), Role.REVIEWER).stream());
        }
        return s.map(UserAccount::id).distinct().toList();
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
}
