package cn.zhutui.consult;

import cn.zhutui.common.Role;
import cn.zhutui.consult.internal.ConsultAccess;
import cn.zhutui.consult.internal.OutcomeRepository;
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
 * Every morning: tells each committee's office, in one notice a week, which of its outcomes are
 * past their deadline; and tells the level above, in one notice a week, which of its units have
 * overdue outcomes and how many. Never one notice per outcome, nor one per unit per day: each
 * notice has a dedup key of the committee and the ISO week, so running again sends nothing twice.
 */
@Component
class OverdueOutcomeNotices {

    private static final Logger log = LoggerFactory.getLogger(OverdueOutcomeNotices.class);
    /** A notice names at most this many outcomes; the count says how many there are. */
    static final int LISTED = 10;

    private final OutcomeRepository outcomes;
    private final OrgService orgs;
    private final UserService users;
    private final NotificationService notifications;
    private final ApplicationEventPublisher events;
    private final ConsultAccess access;
    private final TransactionTemplate tx;

    OverdueOutcomeNotices(OutcomeRepository outcomes, OrgService orgs, UserService users, NotificationService notifications,
                          ApplicationEventPublisher events, ConsultAccess access, TransactionTemplate tx) {
        this.outcomes = outcomes;
        this.orgs = orgs;
        this.users = users;
        this.notifications = notifications;
        this.events = events;
        this.access = access;
        this.tx = tx;
    }

    @Scheduled(cron = "0 30 8 * * *", zone = "${zhutui.time-zone:Asia/Shanghai}")
    void daily() {
        run(access.today());
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        try {
            run(access.today());
        } catch (RuntimeException e) {
            log.warn("Overdue outcome notices at start-up failed: {}", e.toString());
        }
    }

    /** Raises the week's notices for the outcomes overdue on this day; returns how many notifications were new. */
    int run(LocalDate today) {
        Integer sent = tx.execute(s -> notifyAll(today));
        if (sent != null && sent > 0) {
            log.info("Overdue outcome notices: {} notifications", sent);
        }
        return sent == null ? 0 : sent;
    }

    private int notifyAll(LocalDate today) {
        String week = today.get(IsoFields.WEEK_BASED_YEAR) + "W" + today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        Map<Long, List<OutcomeRepository.Late>> byOrg = outcomes.overdue(today).stream()
                .collect(Collectors.groupingBy(OutcomeRepository.Late::orgId, LinkedHashMap::new, Collectors.toList()));
        int sent = 0;
        Map<Org, List<String>> byParent = new LinkedHashMap<>();
        for (Map.Entry<Long, List<OutcomeRepository.Late>> e : byOrg.entrySet()) {
            Org org = orgs.find(e.getKey()).orElse(null);
            if (org == null) {
                continue;
            }
            List<OutcomeRepository.Late> late = e.getValue();
            String listed = late.stream().limit(LISTED).map(l -> "“" + l.topicTitle() + "”（" + l.deadline() + "）").collect(Collectors.joining("、"))
                    + (late.size() > LISTED ? "…" : "");
            sent += publish(staffOf(org), "consult.notify.overdue", List.of(org.name(), String.valueOf(late.size()), listed),
                    "/consult/outcomes?status=OVERDUE&orgId=" + org.id(), "consult-overdue:" + org.id() + ":" + week);
            Org unit = orgs.unitOf(org);
            orgs.parentUnit(unit).filter(p -> p.id() != unit.id())
                    .ifPresent(parent -> byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(org.name() + "（" + late.size() + "）"));
        }
        for (Map.Entry<Org, List<String>> e : byParent.entrySet()) {
            Org parent = e.getKey();
            sent += publish(overseersOf(parent), "consult.notify.overdueBelow",
                    List.of(String.valueOf(e.getValue().size()), String.join("、", e.getValue())),
                    "/consult/stats?orgId=" + parent.id(), "consult-overdue-below:" + parent.id() + ":" + week);
        }
        return sent;
    }

    private int publish(List<Long> userIds, String code, List<String> args, String link, String dedupKey) {
        if (userIds.isEmpty()) {
            return 0;
        }
        long before = notifications.countByKey(dedupKey);
        events.publishEvent(new Notice(userIds, "CONSULT_OVERDUE", code, args, link, dedupKey));
        return (int) (notifications.countByKey(dedupKey) - before);
    }

    private List<Long> staffOf(Org org) {
        return users.withRole(org.id(), Role.STAFF).stream().map(UserAccount::id).toList();
    }

    private List<Long> overseersOf(Org org) {
        return Stream.concat(users.withRole(org.id(), Role.STAFF).stream(), users.withRole(org.id(), Role.REVIEWER).stream())
                .map(UserAccount::id).distinct().toList();
    }
}
