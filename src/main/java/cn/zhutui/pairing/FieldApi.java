package cn.zhutui.pairing;

import cn.zhutui.common.DataScope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Where the phone's queue sends a visit (the session's login and CSRF token, multipart with its
 * photos). The idempotency key it was saved with makes a resend — the answer lost on a bad line,
 * the queue sending again — return the visit already made. Errors come back as problem details
 * with each field's message, and the visit stays in the phone's queue to be corrected.
 */
@RestController
class FieldApi {

    private final VisitService visits;

    FieldApi(VisitService visits) {
        this.visits = visits;
    }

    @PostMapping(value = "/field/visits.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> record(DataScope scope, @ModelAttribute VisitForm form,
                                               @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                                               @RequestParam String idempotencyKey,
                                               @RequestParam(defaultValue = "false") boolean offline) throws IOException {
        List<VisitService.Photo> list = new ArrayList<>();
        try {
            for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
                if (!f.isEmpty()) {
                    list.add(new VisitService.Photo(f.getInputStream(), f.getOriginalFilename()));
                }
            }
            long id = visits.record(scope, form, list, offline ? VisitSource.OFFLINE : VisitSource.MOBILE, idempotencyKey.trim());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("url", "/visits/" + id);
            return ResponseEntity.status(HttpStatus.CREATED).body(body);
        } finally {
            for (VisitService.Photo p : list) {
                p.in().close();
            }
        }
    }
}
