package cn.zhutui.monitor;

import cn.zhutui.audit.AuditService;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.file.FileKind;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.monitor.internal.CaseRepository;
import cn.zhutui.monitor.internal.EvidenceRepository;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos and scans of a case's work — a follow-up visit's photos, a measure's proof (the 低保
 * approval, the job contract) — in the shared file store, tied to the case and to the visit or
 * measure they show. Who may record on the case adds them while it is open;
 * whoever may see the case sees them, and no one else (404, as for the case).
 */
@Service
public class MonitorEvidence {

    private final MonitorService cases;
    private final CaseRepository caseRepository;
    private final EvidenceRepository repository;
    private final FileService files;
    private final AuditService audit;

    MonitorEvidence(MonitorService cases, CaseRepository caseRepository, EvidenceRepository repository, FileService files, AuditService audit) {
        this.cases = cases;
        this.caseRepository = caseRepository;
        this.repository = repository;
        this.files = files;
        this.audit = audit;
    }

    /** Adds a file to one of a case's follow-ups or to one of its measures (exactly one of the two). */
    @Transactional
    public long attach(DataScope scope, long caseId, Long followUpId, Long measureId, InputStream in, String filename) {
        MonitorCase c = cases.get(scope, caseId);
        if (!scope.can(Permission.MONITOR_RECORD)) {
            throw new ForbiddenException();
        }
        if (!c.open()) {
            throw new BusinessException("monitor.step.notNow");
        }
        if ((followUpId == null) == (measureId == null)) {
            // a file shows one visit or one measure: shown beside it, never loose on the case
            throw BusinessException.onField("measureId", "monitor.evidence.oneTarget");
        }
        // the history says what the file shows in words: the visit's day, the measure's content
        Map<String, Object> after = new LinkedHashMap<>();
        if (followUpId != null) {
            FollowUp f = caseRepository.followUps(caseId).stream().filter(x -> x.id() == followUpId).findFirst()
                    .orElseThrow(() -> new NotFoundException("monitor_followup", followUpId));
            after.put("followUp", f.visitedOn().toString());
        }
        if (measureId != null) {
            Measure m = caseRepository.measure(measureId).filter(x -> x.caseId() == caseId)
                    .orElseThrow(() -> new NotFoundException("monitor_measure", measureId));
            after.put("measure", m.description());
        }
        StoredFile file = files.store(in, filename, FileKind.EVIDENCE, scope.userId() == 0 ? null : scope.userId());
        long id = repository.insert(caseId, followUpId, measureId, file.id(), scope.userId() == 0 ? null : scope.userId());
        after.put("evidence", file.originalName());
        audit.record(scope, "UPDATE", "monitor_case", caseId, c.headName(), null, after);
        return id;
    }

    /** The case's files, oldest first, for a user who may see the case. */
    public List<CaseEvidence> ofCase(DataScope scope, long caseId) {
        cases.get(scope, caseId);
        return repository.ofCase(caseId);
    }

    /** The files of a case already read under the user's scope (its page): no second look-up of the case. */
    public List<CaseEvidence> ofCase(CaseView view) {
        return repository.ofCase(view.monitorCase().id());
    }

    /** One file of a case the user may see, with its stored file to serve. */
    public StoredFile file(DataScope scope, long caseId, long evidenceId) {
        cases.get(scope, caseId);
        CaseEvidence e = repository.find(evidenceId).filter(x -> x.caseId() == caseId)
                .orElseThrow(() -> new NotFoundException("monitor_evidence", evidenceId));
        return files.find(e.fileId()).orElseThrow(() -> new NotFoundException("monitor_evidence", evidenceId));
    }
}
