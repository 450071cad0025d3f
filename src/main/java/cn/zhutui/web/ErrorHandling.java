package cn.zhutui.web;

import cn.zhutui.common.BusinessException;
import cn.zhutui.common.ConflictException;
import cn.zhutui.common.ForbiddenException;
import cn.zhutui.common.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns failures into pages in the user's language: never a stack trace. Forms catch a
 * BusinessException themselves to show it on the field; this is the fallback.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class ErrorHandling {

    private final cn.zhutui.file.FileProperties files;

    ErrorHandling(cn.zhutui.file.FileProperties files) {
        this.files = files;
    }

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    ModelAndView notFound(Exception e, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, "error.notFound", null, response);
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ModelAndView forbidden(Exception e, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, "error.forbidden", null, response);
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, "error.conflict", null, response);
    }

    @ExceptionHandler(BusinessException.class)
    ModelAndView business(BusinessException e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, e.code(), e.args(), response);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            org.springframework.validation.BindException.class, org.springframework.web.bind.MissingPathVariableException.class,
            org.springframework.core.convert.ConversionFailedException.class, org.springframework.beans.TypeMismatchException.class,
            org.springframework.web.bind.ServletRequestBindingException.class, org.springframework.http.converter.HttpMessageNotReadableException.class,
            org.springframework.web.multipart.MultipartException.class})
    ModelAndView badRequest(Exception e, HttpServletResponse response) {
        // a wrong parameter is the caller's mistake: a clear page and one line in the log, no stack trace
        log.debug("Bad request: {}", e.toString());
        String field = BadParameters.field(e);
        return field == null ? page(HttpStatus.BAD_REQUEST, "error.badRequest", null, response)
                : page(HttpStatus.BAD_REQUEST, "error.badParameter", new Object[] {field}, response);
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
    ModelAndView unsupported(Exception e, HttpServletResponse response) {
        return page(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.unsupportedMediaType", null, response);
    }

    @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
    ModelAndView methodNotAllowed(Exception e, HttpServletResponse response) {
        return page(HttpStatus.METHOD_NOT_ALLOWED, "error.badRequest", null, response);
    }

    @ExceptionHandler(org.springframework.web.multipart.support.MissingServletRequestPartException.class)
    ModelAndView missingPart(Exception e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, "import.empty", null, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(Exception e, HttpServletResponse response) {
        return page(HttpStatus.PAYLOAD_TOO_LARGE, "error.tooLarge", new Object[] {files.maxSize().toMegabytes()}, response);
    }

    /** The database is down (restarting): say so, and that it is worth trying again in a moment. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ModelAndView unavailable(Exception e, HttpServletResponse response) {
        log.warn("Database unavailable: {}", e.toString());
        response.setHeader("Retry-After", "10");
        return page(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable", null, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Unexpected error", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", null, response);
    }

    private static ModelAndView page(HttpStatus status, String code, Object[] args, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("messageCode", code);
        mav.addObject("messageArgs", args);
        return mav;
    }
}
