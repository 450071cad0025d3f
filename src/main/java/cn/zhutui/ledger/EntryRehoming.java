package cn.zhutui.ledger;

import cn.zhutui.audit.AuditService;
import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.Period;
import cn.zhutui.common.Role;
import cn.zhutui.ledger.internal.LedgerFacts;
import cn.zhutui.ledger.internal.LedgerRepository;
import cn.zhutui.notify.Notice;
import cn.zhutui.org.OrgService;
import cn.zhutui.org.OrgTreeChanged;
import cn.zhutui.period.SubmissionService;
import cn.zhutui.security.UserAccount;
import cn.zhutui.security.UserService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When an org moves or its kind changes, its entries may belong to another reporting unit. They
 * follow the org: each one's figures leave the old unit's facts and member months and join the new
 * unit's, in the transaction of the change, so every report, submission state, lock and review
 * route agrees with the tree. Submissions stay with the unit that made them: a submitted period
 * that gains or loses entries is not reopened, but both units' staff are told.
 */
@Component
class EntryRehoming {

    private final LedgerRepository repository;
    private final LedgerFacts facts;
    private final CampaignService campaigns;
    private final SubmissionService periods;
    private final OrgService orgs;
    private final UserService users;
    private final AuditService audit;
    private final ApplicationEventPublisher events;

    EntryRehoming(LedgerRepository repository, LedgerFacts facts, CampaignService campaigns, SubmissionService periods, OrgService orgs,
                  UserService users, AuditService audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.facts = facts;
        this.campaigns = campaigns;
        this.periods = periods;
        this.orgs = orgs;
        this.users = users;
        this.audit = audit;
        this.events = events;
    }

    @EventListener
    void on(OrgTreeChanged change) {
        List<LedgerRepository.UnitChange> moved = repository.unitChanges(change.path());
        if (moved.isEmpty()) {
            return;
        }
        // out of the old units' sums, by status, then in again under the new units
        Map<EntryStatus, List<Long>> byStatus = moved.stream().filter(m -> LedgerFacts.counted(m.status()))
                .collect(Collectors.groupingBy(LedgerRepository.UnitChange::status,
                        Collectors.mapping(LedgerRepository.UnitChange::entryId, Collectors.toList())));
        byStatus.forEach((status, ids) -> facts.moved(ids, status, EntryStatus.DRAFT));
        repository.setUnits(moved);
        byStatus.forEach((status, ids) -> facts.moved(ids, EntryStatus.DRAFT, status));
        tell(change, moved);
    }

    private void tell(OrgTreeChanged change, List<LedgerRepository.UnitChange> moved) {
        record Move(long from, long to) {
        }
        Map<Move, List<LedgerRepository.UnitChange>> byMove = moved.stream()
                .collect(Collectors.groupingBy(m -> new Move(m.oldUnit(), m.newUnit()), LinkedHashMap::new, Collectors.toList()));
        String orgName = orgs.names(List.of(change.orgId())).get(change.orgId());
        byMove.forEach((move, entries) -> {
            Map<Long, String> names = orgs.names(List.of(move.from(), move.to()));
            // the periods, already submitted by either unit, whose figures change
            TreeSet<String> submitted = new TreeSet<>();
            Map<Long, Campaign> byId = new LinkedHashMap<>();
            for (LedgerRepository.UnitChange m : entries) {
                Campaign c = byId.computeIfAbsent(m.campaignId(), id -> campaigns.structure(id).campaign());
                Period p = periods.periodOf(c, m.startDate());
                if (periods.state(c, move.from(), p).submitted() || periods.state(c, move.to(), p).submitted()) {
                    submitted.add(p.label(Locale.SIMPLIFIED_CHINESE));
                }
            }
            audit.record(change.actor(), "REHOME", "ledger_entry", null,
                    orgName + "：" + entries.size() + " → " + names.get(move.to()),
                    Map.of("unit", names.get(move.from())), Map.of("unit", names.get(move.to()), "entries", entries.size(),
                            "submittedPeriods", new ArrayList<>(submitted)));
            String note = submitted.isEmpty() ? "" : "；已报送的" + String.join("、", submitted) + "的数字随之变化";
            List<Long> staff = Stream.of(move.from(), move.to()).flatMap(u -> users.withRole(u, Role.STAFF).stream())
                    .map(UserAccount::id).distinct().toList();
            events.publishEvent(new Notice(staff, "ORG_CHANGE", "notify.entriesRehomed",
                    List.of(orgName, String.valueOf(entries.size()), names.get(move.to()), names.get(move.from()), note),
                    "/orgs/" + change.orgId(), null));
        });
    }
}
