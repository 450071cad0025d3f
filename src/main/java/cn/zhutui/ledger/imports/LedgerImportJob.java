package cn.zhutui.ledger.imports;

import cn.zhutui.ledger.ImportOutcome;

import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.SheetRow;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobContext;
import cn.zhutui.job.JobHandler;
import cn.zhutui.job.JobService;
import cn.zhutui.job.SheetImports;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.security.CurrentScope;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Imports a ledger workbook in the background: the user uploads, leaves, and comes back to the
 * result — the counts, or their file returned with its errors marked. Idempotent through the
 * row keys, so a run cut off by a restart simply runs again.
 */
@Component
public class LedgerImportJob implements JobHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerImportJob.class);

    public static final String KIND = "ledger-import";
    /** Rows the template's guide sheet (and a user's own notes sheet) may hold besides the data. */
    static final int GUIDE_ROWS = 200;

    private final LedgerImportService imports;
    private final CampaignService campaigns;
    private final SheetImports sheets;
    private final JobService jobs;
    private final CurrentScope scopes;

    LedgerImportJob(LedgerImportService imports, CampaignService campaigns, SheetImports sheets, JobService jobs, CurrentScope scopes) {
        this.imports = imports;
        this.campaigns = campaigns;
        this.sheets = sheets;
        this.jobs = jobs;
        this.scopes = scopes;
    }

    /** Checks the user may import into the campaign, then stores the upload and queues its import. */
    public long start(DataScope scope, long campaignId, InputStream upload, String filename, boolean submit, Locale locale) {
        imports.requireImporter(scope);
        campaigns.get(scope, campaignId);
        return sheets.start(scope, KIND, upload, filename, Map.of("campaignId", campaignId, "submit", submit,
                "locale", locale.toLanguageTag()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String link(Job job) {
        return "/entries/import/jobs/" + job.id();
    }

    @Override
    public void run(JobContext context) throws Exception {
        Job job = context.job();
        Map<String, Object> params = jobs.params(job);
        long campaignId = ((Number) params.get("campaignId")).longValue();
        boolean submit = Boolean.TRUE.equals(params.get("submit"));
        Locale locale = Locale.forLanguageTag(String.valueOf(params.getOrDefault("locale", "zh-CN")));
        DataScope scope = scopes.ofUser(job.userId());
        // the template's guide sheet is no data: its lines do not count against the limit
        long started = System.nanoTime();
        Optional<List<SheetRow>> read = sheets.read(context, GUIDE_ROWS);
        if (read.isEmpty()) {
            return;
        }
        List<SheetRow> rows = read.get();
        long readAt = System.nanoTime();
        LedgerImportService.Parsed parsed = imports.parse(scope, campaigns.structure(scope, campaignId), rows, locale);
        log.info("Import {}: {} rows read in {} ms, parsed in {} ms", job.id(), rows.size(), (readAt - started) / 1_000_000,
                (System.nanoTime() - readAt) / 1_000_000);
        context.total(Math.max(1, parsed.dataRows()));
        if (parsed.dataRows() == 0) {
            context.fail("import.noRows", Map.of(), null);
            return;
        }
        if (parsed.dataRows() > sheets.maxRows()) {
            context.fail("import.tooManyRows", Map.of("args", List.of(String.format("%,d", sheets.maxRows()))), null);
            return;
        }
        ImportOutcome outcome = imports.importRows(scope, campaignId, parsed.rows(), parsed.errors(), submit, job.id(),
                EntrySource.IMPORT, context::progress);
        if (!outcome.errors().isEmpty()) {
            sheets.failWithErrors(context, rows, outcome.errors(), "ledger.import.errors",
                    List.of(outcome.errors().size(), parsed.dataRows()), locale);
            return;
        }
        context.succeed("ledger.import.done", Map.of("args", List.of(outcome.rows(), outcome.imported(), outcome.ignored()),
                "rows", outcome.rows(), "imported", outcome.imported(), "ignored", outcome.ignored()), null);
    }
}
