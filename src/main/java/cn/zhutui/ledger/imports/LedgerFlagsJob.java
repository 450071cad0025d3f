package cn.zhutui.ledger.imports;

import cn.zhutui.job.JobContext;
import cn.zhutui.job.JobHandler;
import cn.zhutui.job.JobService;
import cn.zhutui.ledger.internal.LedgerRepository;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The look-alikes of an import's entries (same work, same photo), flagged after the import has
 * committed: a person judges them later, nothing waits for them, so a clerk's 50,000 rows are
 * saved without a lookup per row against the whole ledger. Idempotent: flags are recomputed.
 */
@Component
class LedgerFlagsJob implements JobHandler {

    static final String KIND = "ledger-flags";

    private final LedgerRepository repository;
    private final JobService jobs;
    private final TransactionTemplate tx;

    LedgerFlagsJob(LedgerRepository repository, JobService jobs, TransactionTemplate tx) {
        this.repository = repository;
        this.jobs = jobs;
        this.tx = tx;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) {
        Map<String, Object> params = jobs.params(context.job());
        long importJob = ((Number) params.get("importJobId")).longValue();
        List<Long> ids = repository.idsOfImport(importJob);
        context.total(Math.max(1, ids.size()));
        for (int i = 0; i < ids.size(); i += 5000) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 5000));
            tx.executeWithoutResult(s -> repository.recomputeFlags(chunk));
            context.progress(Math.min(ids.size(), i + 5000));
        }
        context.succeed("ledger.flags.done", Map.of("args", List.of(ids.size())), null);
    }
}
