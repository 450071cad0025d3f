package cn.zhutui.ledger;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
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
        cn.zhutui.file.FileResponses.send(files, ledger.file(ev), response);
    }

    @GetMapping("/{evidenceId}/thumb")
    void thumbnail(DataScope scope, @PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response) throws IOException {
        Evidence ev = ledger.evidence(scope, id, evidenceId);
        if (!cn.zhutui.file.FileResponses.sendThumbnail(files, ledger.file(ev), response)) {
            throw new NotFoundException("thumbnail", evidenceId);
        }
    }
}
