package cn.zhutui.ledger;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.file.StoredFile;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An entry's photos and files: served only to those who may see the entry. */
@Controller
@RequestMapping("/entries/{id}/evidence")
class EvidenceController {

    private final LedgerService ledger;
    private final cn.zhutui.file.FileService files;

    EvidenceController(LedgerService ledger, cn.zhutui.file.FileService files) {
        this.ledger = ledger;
        this.files = files;
    }

    @PostMapping
    String upload(DataScope scope, @PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes flash) throws IOException {
        try (InputStream in = file.getInputStream()) {
            ledger.addEvidence(scope, id, in, file.getOriginalFilename());
            flash.addFlashAttribute("message", "ledger.evidence.added");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/entries/" + id;
    }

    @PostMapping("/{evidenceId}/delete")
    String remove(DataScope scope, @PathVariable long id, @PathVariable long evidenceId, RedirectAttributes flash) {
        try {
            ledger.removeEvidence(scope, id, evidenceId);
            flash.addFlashAttribute("message", "common.deleted");
        } catch (BusinessException e) {
            flash.addFlashAttribute("error", e);
        }
        return "redirect:/entries/" + id;
    }

    @GetMapping("/{evidenceId}")
    void download(DataScope scope, @PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response) throws IOException {
        Evidence ev = ledger.evidence(scope, id, evidenceId);
        StoredFile file = ledger.file(ev);
        boolean inline = file.isImage() || file.contentType().equals("application/pdf");
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader("Content-Disposition", (inline ? "inline" : "attachment")
                + cn.zhutui.common.Workbooks.attachment(file.originalName()).substring("attachment".length()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, max-age=3600");
        try (InputStream in = files.open(file); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    @GetMapping("/{evidenceId}/thumb")
    void thumbnail(DataScope scope, @PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response) throws IOException {
        Evidence ev = ledger.evidence(scope, id, evidenceId);
        StoredFile file = ledger.file(ev);
        InputStream in = files.openThumbnail(file).orElseThrow(() -> new NotFoundException("thumbnail", evidenceId));
        response.setContentType("image/jpeg");
        response.setHeader("Cache-Control", "private, max-age=86400");
        try (in; OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

}
