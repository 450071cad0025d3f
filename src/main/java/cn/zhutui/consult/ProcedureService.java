package cn.zhutui.consult;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.consult.internal.ConsultAccess;
import cn.zhutui.consult.internal.ConsultRules;
import cn.zhutui.consult.internal.StepRepository;
import cn.zhutui.org.Org;
import cn.zhutui.org.OrgService;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each committee's consultation procedure: the steps its topics go through, configured by its
 * office. A committee starts from the default (议题收集 → 调研论证 → 协商议事 → 成果报送 → 督办落实 →
 * 反馈评价); it may rename, reorder, add steps, say what each requires, and retire a step no topic
 * stands in. The prefecture and the province above see each county's procedure.
 */
@Service
public class ProcedureService {

    private final StepRepository steps;
    private final ConsultAccess access;
    private final ConsultRules rules;
    private final OrgService orgs;
    private final AuditService audit;

    ProcedureService(StepRepository steps, ConsultAccess access, ConsultRules rules, OrgService orgs, AuditService audit) {
        this.steps = steps;
        this.access = access;
        this.rules = rules;
        this.orgs = orgs;
        this.audit = audit;
    }

    /** The steps topics of this committee go through, in order (its own, or the default before it has any). */
    public List<Step> steps(long orgId) {
        List<Step> own = steps.ofOrg(orgId);
        return (own.isEmpty() ? steps.defaults() : own).stream().filter(Step::enabled).toList();
    }

    /** Every step of a committee the user sees, retired ones included (the configuration page). */
    public List<Step> allSteps(DataScope scope, long orgId) {
        scope.require(Permission.CONSULT_VIEW);
        orgs.get(scope, orgId);
        List<Step> own = steps.ofOrg(orgId);
        return own.isEmpty() ? steps.defaults() : own;
    }

    public List<Step> defaults() {
        return steps.defaults();
    }

    /** Gives a committee its own copy of the default procedure if it has none yet. */
    @Transactional
    public void ensure(long orgId) {
        steps.copyDefaults(orgId);
    }

    public Step step(long id) {
        return steps.find(id).orElseThrow(() -> new NotFoundException("step", id));
    }

    /** The user's own committee, whose procedure they configure. */
    public Org ownUnit(DataScope scope) {
        return access.unit(scope);
    }

    @Transactional
    public long add(DataScope scope, StepForm form) {
        Org unit = access.unit(scope);
        access.requireManage(scope, unit.id());
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.step(form, errors);
        errors.throwIfAny();
        steps.copyDefaults(unit.id());
        long id = steps.insert(unit.id(), form);
        audit.record(scope, "CREATE", "consult_step", id, form.getName(), null, snapshot(step(id)));
        return id;
    }

    @Transactional
    public void update(DataScope scope, long id, StepForm form) {
        Step before = ownStep(scope, id);
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        rules.step(form, errors);
        errors.throwIfAny();
        if (before.enabled() && !form.isEnabled()) {
            long waiting = steps.topicsAt(id);
            if (waiting > 0) {
                throw BusinessException.onField("enabled", "consult.step.inUse", before.name(), waiting);
            }
            if (steps(before.orgId()).size() <= 1) {
                throw BusinessException.onField("enabled", "consult.step.lastOne");
            }
        }
        if (!steps.update(id, form)) {
            throw new ConflictException("step", id);
        }
        audit.record(scope, "UPDATE", "consult_step", id, form.getName(), snapshot(before), snapshot(step(id)));
    }

    /** Moves a step one place up (earlier) or down. */
    @Transactional
    public void move(DataScope scope, long id, boolean up) {
        Step step = ownStep(scope, id);
        List<Step> all = steps.ofOrg(step.orgId());
        int i = indexOf(all, id);
        int j = up ? i - 1 : i + 1;
        if (j < 0 || j >= all.size()) {
            return;
        }
        steps.swap(step, all.get(j));
        audit.record(scope, "MOVE", "consult_step", id, step.name(), java.util.Map.of("position", i + 1), java.util.Map.of("position", j + 1));
    }

    private Step ownStep(DataScope scope, long id) {
        Step step = steps.find(id).orElseThrow(() -> new NotFoundException("step", id));
        if (step.orgId() == null) {
            // the default is the province's configuration, not a county's
            throw new NotFoundException("step", id);
        }
        orgs.get(scope, step.orgId());
        access.requireManage(scope, step.orgId());
        return step;
    }

    private static int indexOf(List<Step> all, long id) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static java.util.Map<String, Object> snapshot(Step s) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", s.name());
        m.put("nameEn", s.nameEn());
        m.put("requirement", s.requirement().name());
        m.put("enabled", s.enabled());
        return m;
    }
}
