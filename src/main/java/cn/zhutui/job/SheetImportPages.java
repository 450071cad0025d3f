package cn.zhutui.job;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.common.Workbooks;
import cn.zhutui.file.FileService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages every spreadsheet import has — the upload page with the recent imports, the template,
 * the job's page and its progress, the error workbook — once, for a module's controller to extend
 * with its path (the subclass's {@code @RequestMapping}), views, job kind and permission.
 */
public abstract class SheetImportPages {

    /**
     * What tells one import's pages from another's.
     *
     * @param path the controller's mapping, for redirects
     * @param pageView the upload page's template; jobView the job page's (with a {@code progress} fragment)
     */
    public record Setup(String path, String pageView, String jobView, String kind, Permission permission, String templateName) {
    }

    private final Setup setup;
    private final JobService jobs;
    private final FileService files;
    private final SheetImports sheets;

    protected SheetImportPages(Setup setup, JobService jobs, FileService files, SheetImports sheets) {
        this.setup = setup;
        this.jobs = jobs;
        this.files = files;
        this.sheets = sheets;
    }

    /** The template workbook for this user (dropdowns of what they may choose). */
    protected abstract Workbook template(DataScope scope);

    /** Starts the background import of an upload; the job's id. */
    protected abstract long start(DataScope scope, InputStream upload, String filename, Locale locale);

    @GetMapping
    public String page(DataScope scope, Model model) {
        scope.require(setup.permission());
        model.addAttribute("maxRows", String.format("%,d", sheets.maxRows()));
        model.addAttribute("recent", jobs.recent(scope, setup.kind(), 10));
        return setup.pageView();
    }

    @GetMapping("/template")
    public void template(DataScope scope, HttpServletResponse response) throws IOException {
        Workbooks.send(response, template(scope), setup.templateName());
    }

    @PostMapping
    public String upload(DataScope scope, @RequestParam("file") MultipartFile file, Locale locale, RedirectAttributes flash)
            throws IOException {
        if (file.isEmpty()) {
            flash.addFlashAttribute("error", new BusinessException("import.empty"));
            return "redirect:" + setup.path();
        }
        try (InputStream in = file.getInputStream()) {
            return "redirect:" + setup.path() + "/jobs/" + start(scope, in, file.getOriginalFilename(), locale);
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
            return "redirect:" + setup.path();
        }
    }

    @GetMapping("/jobs/{id}")
    public String job(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return setup.jobView();
    }

    @GetMapping("/jobs/{id}/progress")
    public String progress(DataScope scope, @PathVariable long id, Model model, Locale locale) {
        addJob(scope, id, model, locale);
        return setup.jobView() + " :: progress";
    }

    @GetMapping("/jobs/{id}/errors")
    public void errorFile(DataScope scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        JobPages.sendResultFile(jobs, files, scope, id, setup.kind(), response);
    }

    private void addJob(DataScope scope, long id, Model model, Locale locale) {
        JobPages.show(jobs, scope, id, setup.kind(), model, locale);
    }
}
