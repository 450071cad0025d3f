package cn.zhutui.household;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.file.FileService;
import cn.zhutui.household.internal.HouseholdImportJob;
import cn.zhutui.job.JobService;
import cn.zhutui.job.SheetImportPages;
import cn.zhutui.job.SheetImports;
import java.io.InputStream;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The household spreadsheet: its template, the upload and the background import's page (the shared import pages). */
@Controller
@RequestMapping("/households/import")
class HouseholdImportController extends SheetImportPages {

    private final HouseholdImportJob importJob;

    HouseholdImportController(HouseholdImportJob importJob, JobService jobs, FileService files, SheetImports sheets) {
        super(new Setup("/households/import", "household/import", "household/job", HouseholdImportJob.KIND, Permission.HOUSEHOLD_EDIT, "农户导入模板.xlsx"), jobs, files, sheets);
        this.importJob = importJob;
    }

    @Override
    protected Workbook template(DataScope scope) {
        return importJob.template(scope);
    }

    @Override
    protected long start(DataScope scope, InputStream upload, String filename, Locale locale) {
        return importJob.start(scope, upload, filename, locale);
    }
}
