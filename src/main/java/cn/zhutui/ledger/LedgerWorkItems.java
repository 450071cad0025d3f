package cn.zhutui.ledger;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.common.Period;
import cn.zhutui.common.PeriodType;
import cn.zhutui.common.Permission;
import cn.zhutui.common.WorkItem;
import cn.zhutui.common.WorkItemSource;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.ledger.imports.LedgerImportJob;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The ledger's part of the workbench: for whoever records, their entries sent back (with the
 * reason), their drafts and what they recorded this quarter; for a reviewer, what waits for them,
 * oldest first; for an importer, the imports that failed this week.
 */
@Component
class LedgerWorkItems implements WorkItemSource {

    private final LedgerService ledger;
    private final JobService jobs;

    LedgerWorkItems(LedgerService ledger, JobService jobs) {
        this.ledger = ledger;
        this.jobs = jobs;
    }

    @Override
    public List<WorkItem> items(DataScope scope) {
        List<WorkItem> items = new ArrayList<>();
        if (scope.can(Permission.LEDGER_RECORD)) {
            var returned = ledger.search(scope, LedgerQuery.all().withStatus(EntryStatus.RETURNED).mineOnly().withSort("updated"),
                    PageRequest.of(1, 5));
            items.add(new WorkItem("work.returned", List.of(), returned.total(), "/entries?status=RETURNED&mine=true", returned.total() > 0, 10,
                    returned.items().stream().map(r -> new WorkItem.Line(r.entry().title(), r.entry().returnReason(),
                            "/entries/" + r.entry().id())).toList()));
            long drafts = ledger.search(scope, LedgerQuery.all().withStatus(EntryStatus.DRAFT).mineOnly(), PageRequest.of(1, 1)).total();
            items.add(new WorkItem("work.drafts", List.of(), drafts, "/entries?status=DRAFT&mine=true", false, 20));
            Period quarter = Period.containing(ledger.today(), PeriodType.QUARTER);
            long recorded = ledger.search(scope, new LedgerQuery(null, null, null, null, null, quarter.id(), null, false, null, null).mineOnly(),
                    PageRequest.of(1, 1)).total();
            items.add(new WorkItem("work.recordedThisQuarter", List.of(quarter.label(java.util.Locale.SIMPLIFIED_CHINESE)), recorded,
                    "/entries?periodId=" + quarter.id() + "&mine=true", false, 30));
        }
        if (scope.can(Permission.LEDGER_REVIEW)) {
            var waiting = ledger.reviewQueue(scope, LedgerQuery.all(), true, PageRequest.of(1, 5));
            items.add(new WorkItem("work.toReview", List.of(), waiting.total(), "/entries/review", waiting.total() > 0, 5,
                    waiting.items().stream().map(r -> new WorkItem.Line(r.entry().title(),
                            r.entry().startDate() + " · " + r.orgName(), "/entries/" + r.entry().id() + "?from=queue")).toList()));
        }
        if (scope.can(Permission.LEDGER_RECORD) && !scope.ownRecordsOnly()) {
            List<Job> failed = jobs.failedRecently(scope, 7).stream().filter(j -> j.kind().equals(LedgerImportJob.KIND)).toList();
            if (!failed.isEmpty()) {
                items.add(new WorkItem("work.failedImports", List.of(), failed.size(), "/entries/import", true, 40,
                        failed.stream().limit(5).map(j -> new WorkItem.Line(String.valueOf(jobs.params(j).getOrDefault("filename", "#" + j.id())),
                                jobs.outcome(j, java.util.Locale.SIMPLIFIED_CHINESE), "/entries/import/jobs/" + j.id())).toList()));
            }
        }
        return items;
    }
}
