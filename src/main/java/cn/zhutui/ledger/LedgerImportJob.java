package cn.zhutui.ledger;

import cn.zhutui.campaign.CampaignService;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.ErrorWorkbook;
import cn.zhutui.common.ImportError;
import cn.zhutui.common.SheetRow;
import cn.zhutui.common.SpreadsheetReader;
import cn.zhutui.file.FileKind;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobContext;
import cn.zhutui.job.JobHandler;
import cn.zhutui.job.JobService;
import cn.zhutui.security.CurrentScope;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Imports a ledger workbook in the background: the user uploads, leaves, and comes back to the
 * result — the counts, or their file returned with its errors marked. Idempotent through the
 * row keys, so a run cut off by a restart simply runs again.
 */
@Component
public class LedgerImportJob implements JobHandler {

    public static final String KIND = "ledger-import";

    private final LedgerImportService imports;
    private final CampaignService campaigns;
    private final FileService files;
    private final JobService jobs;
    private final CurrentScope scopes;
    private final MessageSource messages;

    LedgerImportJob(LedgerImportService imports, CampaignService campaigns, FileService files, JobService jobs,
                    CurrentScope scopes, MessageSource messages) {
        this.imports = imports;
        this.campaigns = campaigns;
        this.files = files;
        this.jobs = jobs;
        this.scopes = scopes;
        this.messages = messages;
    }

    /** Stores the upload and queues its import; returns the job id to follow. */
    public long start(DataScope scope, long campaignId, InputStream upload, String filename, boolean submit, Locale locale) {
        campaigns.get(scope, campaignId);
        StoredFile file = files.store(upload, filename, FileKind.SPREADSHEETS, scope.userId());
        return jobs.submit(KIND, scope.userId(), Map.of("campaignId", campaignId, "submit", submit,
                "locale", locale.toLanguageTag(), "filename", file.originalName()), file.id());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) throws Exception {
        Job job = context.job();
        Map<String, Object> params = jobs.params(job);
        long campaignId = ((Number) params.get("campaignId")).longValue();
        boolean submit = Boolean.TRUE.equals(params.get("submit"));
        Locale locale = Locale.forLanguageTag(String.valueOf(params.getOrDefault("locale", "zh-CN")));
        DataScope scope = scopes.ofUser(job.userId());
        StoredFile file = files.find(job.fileId()).orElseThrow();
        List<SheetRow> rows;
        try (InputStream in = files.open(file)) {
            rows = SpreadsheetReader.readAll(in);
        } catch (java.io.IOException e) {
            context.fail("import.unreadable", Map.of(), null);
            return;
        }
        LedgerImportService.Parsed parsed = imports.parse(scope, campaigns.structure(scope, campaignId), rows, locale);
        context.total(Math.max(1, parsed.dataRows()));
        if (parsed.dataRows() == 0) {
            context.fail("import.empty", Map.of(), null);
            return;
        }
        ImportOutcome outcome = imports.importRows(scope, campaignId, parsed.rows(), parsed.errors(), submit, job.id(),
                cn.zhutui.ledger.EntrySource.IMPORT, context::progress);
        List<ImportError> errors = outcome.errors();
        if (!errors.isEmpty()) {
            Path report = ErrorWorkbook.write(rows.stream().filter(r -> !r.sheet().startsWith("_")).toList(), 1, errors,
                    messages.getMessage("import.errorColumn", null, locale),
                    e -> messages.getMessage(e.code(), e.args(), e.code(), locale));
            try {
                String name = file.originalName().replaceAll("\\.(xlsx|xls|csv)$", "") + "-错误.xlsx";
                StoredFile stored = files.storeGenerated(report, name, cn.zhutui.common.Workbooks.XLSX, job.userId());
                context.fail("ledger.import.errors", Map.of("rows", parsed.dataRows(), "errors", errors.size(),
                        "firstErrors", errors.stream().limit(20).map(e -> e.sheet() + "!" + e.row() + " " + (e.column() == null ? "" : e.column() + ": ")
                                + messages.getMessage(e.code(), e.args(), e.code(), locale)).toList()), stored.id());
            } finally {
                Files.deleteIfExists(report);
            }
            return;
        }
        context.succeed("ledger.import.done", Map.of("rows", outcome.rows(), "imported", outcome.imported(), "ignored", outcome.ignored()), null);
    }
}
