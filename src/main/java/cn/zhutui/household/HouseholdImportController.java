package cn.zhutui.household;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import cn.zhutui.household.internal.HouseholdImportJob;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;
import cn.zhutui.job.SheetImports;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

/** The household spreadsheet: its template, the upload and the background import's page. */
@Controller
@RequestMapping("/households/import")
class HouseholdImportController {

    private final HouseholdImportJob importJob;
    private final JobService jobs;
    private final FileService files;
    private final SheetImports sheets;

    HouseholdImportController(HouseholdImportJob importJob, JobService jobs, FileService files, SheetImports sheets) {
        this.importJob = importJob;
        this.jobs = jobs;
        this.files = files;
        this.sheets = sheets;
    }

    @GetMapping
    String page(DataScope scope, Model model) {
        scope.require(Permission.HOUSEHOLD_EDIT);
        model.addAttribute("maxRows", String.format("%,d", sheets.maxRows()));
        model.addAttribute("recent", jobs.recent(scope, HouseholdImportJob.KIND, 10));
        return "household/import";
    }

    @GetMapping("/template")
    void template(DataScope scope, HttpServletResponse response) throws IOException {
        Workbooks.send(response, importJob.template(scope), "农户导入模板.xlsx");
    }

    @PostMapping
    String upload(DataScope scope, @RequestParam("file") MultipartFile file, Locale locale, RedirectAttributes flash) throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", new BusinessException("import.empty"));
            return "redirect:/households/import";
        }
        try (InputStream in = file.getInputStream()) {
            return "redirect:/households/import/jobs/" + importJob.start(scope, in, file.getOriginalFilename(), locale);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:/households/import";
        }
    }

    @GetMapping("/jobs/{id}")
    String job(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return "household/job";
    }

    @GetMapping("/jobs/{id}/progress")
    String progress(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return "household/job :: progress";
    }

    @GetMapping("/jobs/{id}/errors")
    void errorFile(DataScope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        Job job = jobs.get(scope, id);
        StoredFile file = files.find(job.resultFileId() == null ? -1 : job.resultFileId()).orElseThrow(() -> new NotFoundException("file", id));
        response.setContentType(file.contentType());
        response.setHeader("Content-Disposition", Workbooks.attachment(file.originalName()));
        try (InputStream in = files.open(file); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private void addJob(DataScope scope, long id, Model model, Locale locale) {
        Job job = jobs.get(scope, id);
        if (!HouseholdImportJob.KIND.equals(job.kind())) {
            throw new NotFoundException("job", id);
        }
        model.addAttribute("job", job);
        model.addAttribute("outcome", jobs.outcome(job, locale));
        model.addAttribute("result", jobs.result(job));
    }
}
