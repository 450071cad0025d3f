package cn.zhutui.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The answer to an upload over the limit (forwarded here by {@link UploadLimitFilter}). */
@Controller
class TooLargeController {

    private final MessageSource messages;

    TooLargeController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error/too-large")
    String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        model.addAttribute("status", 413);
        model.addAttribute("messageCode", "error.tooLarge");
        model.addAttribute("messageArgs", new Object[] {request.getAttribute(UploadLimitFilter.LIMIT_ATTRIBUTE)});
        return "error";
    }

    @RequestMapping("/error/unavailable")
    String unavailable(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "10");
        model.addAttribute("status", 503);
        model.addAttribute("messageCode", "error.unavailable");
        return "error";
    }

    @RequestMapping(value = "/error/unavailable.json", produces = "application/problem+json")
    ResponseEntity<ProblemDetail> unavailableProblem(Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, messages.getMessage("error.unavailable", null, locale));
        p.setTitle(HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").body(p);
    }

    @RequestMapping(value = "/error/too-large.json", produces = "application/problem+json")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Locale locale) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                messages.getMessage("error.tooLarge", new Object[] {request.getAttribute(UploadLimitFilter.LIMIT_ATTRIBUTE)}, locale));
        p.setTitle(HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase());
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(p);
    }
}
