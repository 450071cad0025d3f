package cn.zhutui.period;

import cn.zhutui.audit.AuditService;
import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.Period;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Role;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgKind;
import cn.zhutui.org.OrgService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报送 and period locks, shared by every module that records work under a campaign. A unit's
 * period is open for records until the unit submits it or its deadline passes (the campaign sets
 * it, e.g. 10 days after the quarter); a higher level can reopen it until a date, with a reason
 * the unit sees, and every such unlock is logged.
 */
@Service
public class SubmissionService {

    private final SubmissionRepository repository;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final AuditService audit;
    private final List<PeriodRecords> records;
    private final Clock clock;

    SubmissionService(SubmissionRepository repository, CampaignService campaigns, OrgService orgs, AuditService audit,
                      List<PeriodRecords> records, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.audit = audit;
        this.records = records;
        this.clock = clock;
    }

    /** Today in the users' time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The period (of the campaign's submission rhythm) a date falls in. */
    public Period periodOf(Campaign campaign, LocalDate date) {
        return Period.containing(date, campaign.periodType());
    }

    public Map<Long, PeriodState> states(Campaign campaign, Period period, Collection<Long> unitIds) {
        LocalDate today = today();
        LocalDate deadline = deadline(campaign, period);
        Map<Long, SubmissionRepository.Submission> submitted = repository.submissions(campaign.id(), period.id(), unitIds);
        Map<Long, SubmissionRepository.Unlock> unlocked = repository.unlocks(campaign.id(), period.id(), unitIds, today);
        Map<Long, PeriodState> states = new LinkedHashMap<>();
        for (Long unit : unitIds) {
            SubmissionRepository.Submission s = submitted.get(unit);
            SubmissionRepository.Unlock u = unlocked.get(unit);
            states.put(unit, new PeriodState(campaign.id(), unit, period, deadline,
                    s == null ? null : s.submittedAt(), s == null ? null : s.onTime(),
                    u == null ? null : u.until(), u == null ? null : u.reason(), today));
        }
        return states;
    }

    public PeriodState state(Campaign campaign, long unitOrgId, Period period) {
        return states(campaign, period, List.of(unitOrgId)).get(unitOrgId);
    }

    /** Refuses a change to a record dated in a period that is locked for its unit (loaders excepted). */
    public void requireOpen(DataScope scope, Campaign campaign, long unitOrgId, LocalDate date, String field) {
        if (scope.isLoader()) {
            return;
        }
        PeriodState state = state(campaign, unitOrgId, periodOf(campaign, date));
        if (!state.open()) {
            throw BusinessException.onField(field, state.submitted() ? "ledger.period.submitted" : "ledger.period.locked",
                    state.period().label(Locale.SIMPLIFIED_CHINESE), state.period().id());
        }
    }

    public boolean isOpen(Campaign campaign, long unitOrgId, LocalDate date) {
        return state(campaign, unitOrgId, periodOf(campaign, date)).open();
    }

    /**
     * The unit a user submits for: their own org when it is a committee. Nothing above the user's
     * scope: the staff of a county's office see their office, not the committee above it.
     */
    public Optional<Org> ownUnit(DataScope scope) {
        return orgs.find(scope.orgId()).filter(Org::isCommittee);
    }

    /** The units in the user's scope taking part in the campaign, tree order (the user's own first). */
    public List<Org> unitsInScope(DataScope scope, Campaign campaign) {
        return orgs.inScope(scope, OrgKind.COMMITTEE).stream().filter(u -> campaigns.takesPart(campaign, u))
                .sorted(java.util.Comparator.comparing(Org::depth).thenComparing(Org::sort).thenComparing(Org::path)).toList();
    }

    /** A unit confirms its figures of a period complete; late if after the deadline. */
    @Transactional
    public PeriodState submit(DataScope scope, long campaignId, long unitOrgId, String periodId) {
        scope.require(Permission.PERIOD_SUBMIT);
        Campaign campaign = campaigns.get(scope, campaignId);
        Org unit = orgs.get(scope, unitOrgId);
        if (!unit.isCommittee()) {
            throw new BusinessException("ledger.period.notUnit");
        }
        if (!campaigns.takesPart(campaign, unit)) {
            throw new BusinessException("campaign.notParticipant", campaign.name());
        }
        Period period = parse(campaign, periodId);
        if (today().isBefore(period.end())) {
            throw BusinessException.onField("periodId", "ledger.period.notEnded", period.label(Locale.SIMPLIFIED_CHINESE));
        }
        LocalDate deadline = deadline(campaign, period);
        boolean onTime = !today().isAfter(deadline);
        if (!repository.insert(campaignId, unitOrgId, period.id(), deadline, scope.userId(), onTime)) {
            throw new BusinessException("ledger.period.alreadySubmitted", period.label(Locale.SIMPLIFIED_CHINESE));
        }
        audit.record(scope, "SUBMIT", "period", campaignId + ":" + unitOrgId + ":" + period.id(), unit.name() + " " + period.label(Locale.SIMPLIFIED_CHINESE),
                null, Map.of("onTime", onTime));
        return state(campaign, unitOrgId, period);
    }

    /** A loader records a submission made in the past (the demo's history, a migration). */
    @Transactional
    public void recordHistorical(DataScope loader, long campaignId, long unitOrgId, String periodId, OffsetDateTime submittedAt) {
        if (!loader.isLoader()) {
            throw new ForbiddenException();
        }
        Campaign campaign = campaigns.get(loader, campaignId);
        Period period = parse(campaign, periodId);
        LocalDate deadline = deadline(campaign, period);
        boolean onTime = !submittedAt.atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(deadline);
        repository.insertAt(campaignId, unitOrgId, period.id(), deadline, loader.userId(), onTime, submittedAt);
    }

    /**
     * A higher level reopens a unit's period until a date: the submission (if any) is withdrawn so
     * the unit submits again when done. The reason is required, shown to the unit and logged. A
     * unit cannot unlock itself, except the top unit (which has no level above), by an administrator.
     */
    @Transactional
    public PeriodState unlock(DataScope scope, long campaignId, long unitOrgId, String periodId, LocalDate until, String reason) {
        scope.require(Permission.PERIOD_UNLOCK);
        Campaign campaign = campaigns.get(scope, campaignId);
        Org unit = orgs.get(scope, unitOrgId);
        if (!unit.isCommittee()) {
            throw new BusinessException("ledger.period.notUnit");
        }
        boolean top = orgs.parentUnit(unit).isEmpty();
        if (unit.id() == scope.orgId() && !scope.isSystem() && !(top && scope.has(Role.ADMIN))) {
            throw new ForbiddenException();
        }
        Period period = parse(campaign, periodId);
        if (period.type() != campaign.periodType()) {
            throw BusinessException.onField("periodId", "ledger.period.invalid", periodId);
        }
        if (period.end().isBefore(campaign.startDate()) || period.start().isAfter(today())) {
            throw BusinessException.onField("periodId", "ledger.period.invalid", periodId);
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessException.onField("reason", "ledger.period.reasonRequired");
        }
        if (reason.trim().length() > 500) {
            throw BusinessException.onField("reason", "validation.tooLong", 500);
        }
        if (until == null || until.isBefore(today()) || until.isAfter(today().plusDays(60))) {
            throw BusinessException.onField("until", "ledger.period.unlockUntil");
        }
        var withdrawn = repository.delete(campaignId, unitOrgId, period.id());
        repository.unlock(campaignId, unitOrgId, period.id(), until, reason.trim(), scope.userId());
        audit.record(scope, "UNLOCK", "period", campaignId + ":" + unitOrgId + ":" + period.id(),
                unit.name() + " " + period.label(Locale.SIMPLIFIED_CHINESE) + "：" + reason.trim(),
                withdrawn.map(s -> Map.<String, Object>of("submittedAt", s.submittedAt().toString())).orElse(null),
                Map.of("until", until.toString(), "reason", reason.trim()));
        return state(campaign, unitOrgId, period);
    }

    /** Records of the unit in the period, by status: what the unit is about to confirm. */
    public Map<String, Long> statusCounts(long campaignId, long unitOrgId, Period period) {
        Map<String, Long> counts = new LinkedHashMap<>();
        records.forEach(r -> r.statusCounts(campaignId, unitOrgId, period.start(), period.end()).forEach((k, v) -> counts.merge(k, v, Long::sum)));
        return counts;
    }

    /** Every period of the type from the campaign's start to the current one, newest first. */
    public List<Period> periodsSoFar(Campaign campaign, cn.zhutui.common.PeriodType type) {
        List<Period> list = new ArrayList<>();
        LocalDate last = campaign.endDate() != null && campaign.endDate().isBefore(today()) ? campaign.endDate() : today();
        for (Period p = Period.containing(last, type); !p.end().isBefore(campaign.startDate()); p = p.previous()) {
            list.add(p);
        }
        return list;
    }

    /** A period of the campaign's rhythm (its locking period, or a monthly, half-year or yearly one it has a deadline for). */
    private Period parse(Campaign campaign, String periodId) {
        if (!Period.isValid(periodId)) {
            throw BusinessException.onField("periodId", "ledger.period.invalid", periodId);
        }
        Period p = Period.parse(periodId);
        if (campaigns.deadline(campaign, p).isEmpty()) {
            throw BusinessException.onField("periodId", "ledger.period.invalid", periodId);
        }
        return p;
    }

    /** When a period is due; a period outside the rhythm is due at its end. */
    public LocalDate deadline(Campaign campaign, Period period) {
        return campaigns.deadline(campaign, period).orElse(period.end());
    }
}
