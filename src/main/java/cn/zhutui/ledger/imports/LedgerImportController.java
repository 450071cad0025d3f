package cn.zhutui.ledger.imports;

import cn.zhutui.ledger.EntryForm;
import cn.zhutui.ledger.EntryStatus;
import cn.zhutui.ledger.EntrySource;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.ledger.LedgerQuery;
import cn.zhutui.ledger.LedgerQueryParams;
import cn.zhutui.ledger.internal.LedgerRepository;
import cn.zhutui.ledger.internal.LedgerFacts;
import cn.zhutui.ledger.internal.EntryRules;
import cn.zhutui.period.SubmissionService;

import cn.zhutui.campaign.Campaign;
import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.file.FileService;
import cn.zhutui.job.JobPages;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Excel in and out: the template, the background import with its progress, and the export of any list. */
@Controller
@RequestMapping("/entries")
class LedgerImportController {

    private final LedgerImportService imports;
    private final LedgerImportJob importJob;
    private final cn.zhutui.campaign.CampaignService campaigns;
    private final JobService jobs;
    private final FileService files;
    private final cn.zhutui.job.SheetImports sheets;

    LedgerImportController(LedgerImportService imports, LedgerImportJob importJob, cn.zhutui.campaign.CampaignService campaigns,
                           JobService jobs, FileService files, cn.zhutui.job.SheetImports sheets) {
        this.imports = imports;
        this.importJob = importJob;
        this.campaigns = campaigns;
        this.jobs = jobs;
        this.files = files;
        this.sheets = sheets;
    }

    @GetMapping("/import")
    String page(DataScope scope, @RequestParam(required = false) Long campaignId, Model model) {
        scope.require(Permission.LEDGER_RECORD);
        Campaign campaign = campaigns.current(scope, campaignId);
        model.addAttribute("campaign", campaign);
        model.addAttribute("maxRows", sheets.maxRows());
        model.addAttribute("recent", jobs.recent(scope, LedgerImportJob.KIND, 10));
        return "ledger/import";
    }

    @GetMapping("/import/template")
    void template(DataScope scope, @RequestParam long campaignId, Locale locale, HttpServletResponse response) throws IOException {
        Campaign campaign = campaigns.current(scope, campaignId);
        Workbooks.send(response, imports.template(scope, campaignId, locale), campaign.name() + "台账导入模板.xlsx");
    }

    @PostMapping("/import")
    String upload(DataScope scope, @RequestParam long campaignId, @RequestParam("file") MultipartFile file,
                  @RequestParam(defaultValue = "false") boolean submit, Locale locale, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", new BusinessException("import.empty"));
            return "redirect:/entries/import?campaignId=" + campaignId;
        }
        try (InputStream in = file.getInputStream()) {
            long job = importJob.start(scope, campaignId, in, file.getOriginalFilename(), submit, locale);
            return "redirect:/entries/import/jobs/" + job;
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/entries/import?campaignId=" + campaignId;
        }
    }

    /** The import's page: the user may leave and come back; it polls until the job is done. */
    @GetMapping("/import/jobs/{id}")
    String job(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return "ledger/job";
    }

    @GetMapping("/import/jobs/{id}/progress")
    String progress(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return "ledger/job :: progress";
    }

    @GetMapping("/import/jobs/{id}/errors")
    void errorFile(DataScope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        JobPages.sendResultFile(jobs, files, scope, id, LedgerImportJob.KIND, response);
    }

    private void addJob(DataScope scope, long id, Model model, Locale locale) {
        Job job = JobPages.show(jobs, scope, id, LedgerImportJob.KIND, model, locale);
        model.addAttribute("params", jobs.params(job));
    }
}
