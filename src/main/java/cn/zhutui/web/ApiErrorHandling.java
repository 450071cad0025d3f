package cn.zhutui.web;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.InvalidInputException;
import cn.zhutui.common.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * API errors as RFC 9457 problem details, in the language of the request's Accept-Language
 * (Chinese if none): a broken rule names its field, so a client can show it next to the input.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandling.class);

    private final MessageSource messages;

    private final cn.zhutui.file.FileProperties files;

    ApiErrorHandling(MessageSource messages, cn.zhutui.file.FileProperties files) {
        this.messages = messages;
        this.files = files;
    }

    @ExceptionHandler(BusinessException.class)
    ProblemDetail invalid(BusinessException e, HttpServletRequest request) {
        Locale locale = locale(request);
        List<BusinessException> all = e instanceof InvalidInputException many ? many.violations() : List.of(e);
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, message(e.code(), e.args(), locale));
        p.setProperty("errors", all.stream().map(v -> Map.of("field", v.field() == null ? "" : v.field(), "code", v.code(),
                "message", message(v.code(), v.args(), locale))).toList());
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, message("error.notFound", null, locale(request)));
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ProblemDetail forbidden(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, message("error.forbidden", null, locale(request)));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, message("error.conflict", null, locale(request)));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class, org.springframework.validation.BindException.class,
            MissingServletRequestParameterException.class, org.springframework.beans.TypeMismatchException.class,
            org.springframework.web.bind.ServletRequestBindingException.class, org.springframework.core.convert.ConversionFailedException.class})
    ProblemDetail badRequest(Exception e, HttpServletRequest request) {
        Locale locale = locale(request);
        String field = BadParameters.field(e);
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, e instanceof HttpMessageNotReadableException && field == null
                ? message("error.badJson", new Object[] {""}, locale)
                : field == null ? message("error.badRequest", null, locale) : message("error.badField", new Object[] {field}, locale));
        if (field != null) {
            p.setProperty("errors", List.of(Map.of("field", field, "code", "error.badField", "message", message("error.badField", new Object[] {field}, locale))));
        }
        return p;
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupported(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message("error.unsupportedMediaType", null, locale(request)));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_ACCEPTABLE, message("error.badRequest", null, locale(request)));
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, message("error.badRequest", null, locale(request)));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, message("error.tooLarge", new Object[] {files.maxSize().toMegabytes()}, locale(request)));
    }

    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    org.springframework.http.ResponseEntity<ProblemDetail> unavailable(Exception e, HttpServletRequest request) {
        log.warn("Database unavailable: {}", e.toString());
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, message("error.unavailable", null, locale(request))));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected API error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, message("error.unexpected", null, locale(request)));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(status.getReasonPhrase());
        return p;
    }

    private String message(String code, Object[] args, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }

    private static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
    }
}
