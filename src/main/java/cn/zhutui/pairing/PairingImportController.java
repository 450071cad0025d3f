package cn.zhutui.pairing;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.Permission;
import cn.zhutui.file.FileService;
import cn.zhutui.pairing.internal.PairingImportJob;
import cn.zhutui.job.JobService;
import cn.zhutui.job.SheetImportPages;
import cn.zhutui.job.SheetImports;
import java.io.InputStream;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Workbook;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The pairing spreadsheet: its template, the upload and the background import's page (the shared import pages). */
@Controller
@RequestMapping("/pairings/import")
class PairingImportController extends SheetImportPages {

    private final PairingImportJob importJob;

    PairingImportController(PairingImportJob importJob, JobService jobs, FileService files, SheetImports sheets) {
        super(new Setup("/pairings/import", "pairing/import", "pairing/import-job", PairingImportJob.KIND, Permission.PAIRING_EDIT, "结对导入模板.xlsx"), jobs, files, sheets);
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
