package cn.zhutui.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The requests refused before any controller is chosen (a wrong method or content type): an API
 * caller gets a problem in its language, a person a page. Last in line, after the advice of the
 * pages and of the API.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FrameworkErrors {

    private final MessageSource messages;

    FrameworkErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupported(Exception e, HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.unsupportedMediaType");
    }

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotAcceptableException.class})
    Object badMethod(Exception e, HttpServletRequest request) {
        return answer(request, e instanceof HttpRequestMethodNotSupportedException ? HttpStatus.METHOD_NOT_ALLOWED : HttpStatus.NOT_ACCEPTABLE,
                "error.badRequest");
    }

    private Object answer(HttpServletRequest request, HttpStatus status, String code) {
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
        String detail = messages.getMessage(code, null, code, locale);
        if (request.getRequestURI().substring(request.getContextPath().length()).startsWith("/api/")) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
            p.setTitle(status.getReasonPhrase());
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", status.value());
        mav.addObject("messageCode", code);
        return mav;
    }
}
