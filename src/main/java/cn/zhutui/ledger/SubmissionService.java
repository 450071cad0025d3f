package cn.zhutui.ledger;

import cn.zhutui.audit.AuditService;
import cn.zhutui.campaign.Campaign;
import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.Period;
import cn.zhutui.common.Permission;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 报送 and period locks. A unit's period is open for records until the unit submits it or its
 * deadline passes (the campaign sets it, e.g. 10 days after the quarter); a higher level can
 * reopen it until a date, with a reason, and every such unlock is logged.
 */
@Service
public class SubmissionService {

    private final SubmissionRepository repository;
    private final CampaignService campaigns;
    private final OrgService orgs;
    private final AuditService audit;
    private final Clock clock;

    SubmissionService(SubmissionRepository repository, CampaignService campaigns, OrgService orgs, AuditService audit, Clock clock) {
        this.repository = repository;
        this.campaigns = campaigns;
        this.orgs = orgs;
        this.audit = audit;
        this.clock = clock;
    }

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
        Map<Long, LocalDate> unlocked = repository.unlocks(campaign.id(), period.id(), unitIds, today);
        Map<Long, PeriodState> states = new java.util.LinkedHashMap<>();
        for (Long unit : unitIds) {
            SubmissionRepository.Submission s = submitted.get(unit);
            states.put(unit, new PeriodState(campaign.id(), unit, period, deadline,
                    s == null ? null : s.submittedAt(), s == null ? null : s.onTime(), unlocked.get(unit), today));
        }
        return states;
    }

    public PeriodState state(Campaign campaign, long unitOrgId, Period period) {
        return states(campaign, period, List.of(unitOrgId)).get(unitOrgId);
    }

    /** Refuses a change to an entry dated in a period that is locked for its unit (loaders excepted). */
    void requireOpen(DataScope scope, Campaign campaign, long unitOrgId, LocalDate date, String field) {
        if (scope.isLoader()) {
            return;
        }
        PeriodState state = state(campaign, unitOrgId, periodOf(campaign, date));
        if (!state.open()) {
            throw BusinessException.onField(field, state.submitted() ? "ledger.period.submitted" : "ledger.period.locked",
                    state.period().label(Locale.SIMPLIFIED_CHINESE), state.period().id());
        }
    }

    boolean isOpen(Campaign campaign, long unitOrgId, LocalDate date) {
        return state(campaign, unitOrgId, periodOf(campaign, date)).open();
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
        Period period = parse(campaign, periodId);
        if (!today().isAfter(period.end()) && !today().equals(period.end())) {
            throw BusinessException.onField("periodId", "ledger.period.notEnded", period.label(Locale.SIMPLIFIED_CHINESE));
        }
        LocalDate deadline = deadline(campaign, period);
        boolean onTime = !today().isAfter(deadline);
        if (!repository.insert(campaignId, unitOrgId, period.id(), deadline, scope.userId(), onTime)) {
            throw new BusinessException("ledger.period.alreadySubmitted", period.label(Locale.SIMPLIFIED_CHINESE));
        }
        audit.record(scope, "SUBMIT", "period", campaignId + ":" + unitOrgId + ":" + period.id(), unit.name() + " " + period.id(),
                null, Map.of("onTime", onTime));
        return state(campaign, unitOrgId, period);
    }

    /** A loader records a submission made in the past (the demo's history, a migration). */
    @Transactional
    public void recordHistorical(DataScope loader, long campaignId, long unitOrgId, String periodId, java.time.OffsetDateTime submittedAt) {
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
     * the unit submits again when done. The reason is required and logged.
     */
    @Transactional
    public PeriodState unlock(DataScope scope, long campaignId, long unitOrgId, String periodId, LocalDate until, String reason) {
        scope.require(Permission.PERIOD_UNLOCK);
        Campaign campaign = campaigns.get(scope, campaignId);
        Org unit = orgs.get(scope, unitOrgId);
        if (unit.id() == scope.orgId() && !scope.isSystem()) {
            throw new ForbiddenException();
        }
        Period period = parse(campaign, periodId);
        if (period.type() != campaign.periodType()) {
            throw BusinessException.onField("periodId", "ledger.period.invalid", periodId);
        }
        if (reason == null || reason.isBlank()) {
            throw BusinessException.onField("reason", "validation.required");
        }
        if (until == null || until.isBefore(today()) || until.isAfter(today().plusDays(60))) {
            throw BusinessException.onField("until", "ledger.period.unlockUntil");
        }
        var withdrawn = repository.delete(campaignId, unitOrgId, period.id());
        repository.unlock(campaignId, unitOrgId, period.id(), until, reason.trim(), scope.userId());
        audit.record(scope, "UNLOCK", "period", campaignId + ":" + unitOrgId + ":" + period.id(), reason.trim(),
                withdrawn.map(s -> Map.<String, Object>of("submittedAt", s.submittedAt().toString())).orElse(null),
                Map.of("until", until.toString()));
        return state(campaign, unitOrgId, period);
    }

    /** Entries of the unit in the period, by status: what the unit is about to confirm. */
    public Map<String, Long> statusCounts(long campaignId, long unitOrgId, Period period) {
        return repository.statusCounts(campaignId, unitOrgId, period.start(), period.end());
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
