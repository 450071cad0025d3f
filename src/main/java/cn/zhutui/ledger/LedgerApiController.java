package cn.zhutui.ledger;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.DataScope;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.PageRequest;
import cn.zhutui.ledger.EntryApiModels.*;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.zhutui.file.FileService;
import cn.zhutui.file.StoredFile;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ledger for mobile clients and other systems, with the same rules and scopes as the pages:
 * every call acts as the token's user. Changes need the version last read (optimistic locking):
 * a stale one answers 409.
 */
@RestController
@RequestMapping(value = "/api/v1/entries", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "entries", description = "台账 ledger entries")
@SecurityRequirement(name = "bearer")
class LedgerApiController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerApiController.class);

    private final LedgerService ledger;
    private final FileService files;

    LedgerApiController(LedgerService ledger, FileService files) {
        this.ledger = ledger;
        this.files = files;
    }

    @GetMapping
    @Operation(summary = "List entries in the caller's scope", description = "periodId: 202503, 2025Q1, 2025S1 or 2025; orgId and regionCode include their subtrees")
    PageDto list(DataScope scope, @RequestParam(required = false) Long campaignId, @RequestParam(required = false) Long taskTypeId,
                 @RequestParam(required = false) Long orgId, @RequestParam(required = false) Long memberId,
                 @RequestParam(required = false) String regionCode, @RequestParam(required = false) String periodId,
                 @RequestParam(required = false) EntryStatus status, @RequestParam(defaultValue = "false") boolean flagged,
                 @RequestParam(required = false) String sort, @RequestParam(defaultValue = "1") int page,
                 @RequestParam(defaultValue = "50") int size) {
        LedgerQuery q = new LedgerQuery(campaignId, taskTypeId, orgId, memberId, regionCode, periodId, status, flagged, null, sort);
        var result = ledger.views(scope, q, new PageRequest(page, size));
        return new PageDto(result.items().stream().map(LedgerApiController::dto).toList(), result.total(), result.totalAtLeast(),
                result.page(), result.size());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One entry with its members, values, evidence and flags")
    EntryDto get(DataScope scope, @PathVariable long id) {
        return dto(scope, id);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an entry (as a draft, or submitted when submit is true)",
            description = "Send an Idempotency-Key (any unique text, at most 100 characters): a retry with the same key returns "
                    + "the entry the first request made and adds nothing.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the entry")
    ResponseEntity<EntryDto> create(DataScope scope, @RequestBody EntryRequest body,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        long id = ledger.create(scope, body.toForm(), EntrySource.API, Boolean.TRUE.equals(body.submit()), idempotencyKey);
        return created(scope, id);
    }

    /**
     * 201 once the entry is committed, whatever happens next: if reading it back fails the answer
     * still says it was made (and where), so a client never records it twice.
     */
    private ResponseEntity<EntryDto> created(DataScope scope, long id) {
        java.net.URI location = java.net.URI.create("/api/v1/entries/" + id);
        try {
            return ResponseEntity.created(location).body(dto(scope, id));
        } catch (RuntimeException e) {
            log.warn("Entry {} was created; reading it back failed: {}", id, e.toString());
            return ResponseEntity.created(location).build();
        }
    }

    @PutMapping(value = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a draft or returned entry; send the version last read")
    EntryDto update(DataScope scope, @PathVariable long id, @RequestBody EntryRequest body) {
        requireVersion(body.version());
        ledger.update(scope, id, body.toForm(), Boolean.TRUE.equals(body.submit()));
        return dto(scope, id);
    }

    @PostMapping(value = "/{id}/submit", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a draft or returned entry for review",
            description = "With an Idempotency-Key, a retry of a submit that went through answers like the first one.")
    EntryDto submit(DataScope scope, @PathVariable long id, @RequestBody VersionRequest body,
                    @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ledger.submit(scope, id, requireVersion(body.version()), idempotencyKey);
        return dto(scope, id);
    }

    @PostMapping(value = "/{id}/review", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Approve a submitted entry, or return it with a reason")
    EntryDto review(DataScope scope, @PathVariable long id, @RequestBody ReviewRequest body) {
        int version = requireVersion(body.version());
        if (body.decision() == null) {
            throw BusinessException.onField("decision", "validation.required");
        }
        if (body.decision() == Decision.APPROVE) {
            ledger.approve(scope, id, version);
        } else {
            ledger.returnEntry(scope, id, version, body.reason());
        }
        return dto(scope, id);
    }

    @PostMapping(value = "/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach a photo or file (JPG, PNG, GIF, PDF, Word, Excel)")
    @ApiResponse(responseCode = "201", description = "Attached")
    ResponseEntity<EntryDto> evidence(DataScope scope, @PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        try (InputStream in = file.getInputStream()) {
            ledger.addEvidence(scope, id, in, file.getOriginalFilename());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(dto(scope, id));
    }

    @GetMapping(value = "/{id}/evidence/{evidenceId}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download a photo or file of an entry (the url of each evidence item)")
    void evidenceFile(DataScope scope, @PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response) throws IOException {
        Evidence ev = ledger.evidence(scope, id, evidenceId);
        StoredFile file = ledger.file(ev);
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader("Content-Disposition", cn.zhutui.common.Workbooks.attachment(file.originalName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (InputStream in = files.open(file); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private EntryDto dto(DataScope scope, long id) {
        return dto(ledger.view(scope, id));
    }

    private static EntryDto dto(EntryView d) {
        LedgerEntry e = d.entry();
        return new EntryDto(e.id(), e.campaignId(), e.taskTypeId(), d.taskType().name(), e.orgId(), d.orgName(), e.title(),
                e.description(), e.startDate(), e.endDate(), e.regionCode(), d.regionLineage(), e.households(), e.persons(),
                e.partner(), e.status(), e.returnReason(), e.source(),
                d.members().stream().map(m -> new MemberRef(m.id(), m.name())).toList(),
                d.values().entrySet().stream().map(v -> new ValueDto(v.getKey().id(), v.getKey().name(), v.getKey().unit(), v.getValue())).toList(),
                d.evidence().stream().map(v -> new EvidenceDto(v.id(), v.originalName(), v.contentType(), v.size(),
                        "/api/v1/entries/" + e.id() + "/evidence/" + v.id())).toList(),
                d.flags(), e.latitude(), e.longitude(), e.capturedAt(), e.submittedAt(), e.reviewedAt(), e.version(),
                e.createdAt(), e.updatedAt());
    }

    private static int requireVersion(Integer version) {
        if (version == null) {
            throw BusinessException.onField("version", "validation.required");
        }
        return version;
    }
}
