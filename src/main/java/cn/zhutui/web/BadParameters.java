package cn.zhutui.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Which parameter or JSON field a bad request got wrong, to name it in the answer. */
final class BadParameters {

    private BadParameters() {
    }

    static String field(Exception e) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return m.getName();
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return m.getParameterName();
        }
        if (e instanceof BindException b && b.getFieldError() != null) {
            return b.getFieldError().getField();
        }
        if (e instanceof TypeMismatchException t && t.getPropertyName() != null) {
            return t.getPropertyName();
        }
        if (e instanceof HttpMessageNotReadableException r) {
            for (Throwable c = r.getCause(); c != null; c = c.getCause()) {
                if (c instanceof tools.jackson.core.JacksonException j && !j.getPath().isEmpty()) {
                    StringBuilder sb = new StringBuilder();
                    for (var ref : j.getPath()) {
                        if (ref.getPropertyName() != null) {
                            sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
                        } else if (ref.getIndex() >= 0) {
                            sb.append('[').append(ref.getIndex()).append(']');
                        }
                    }
                    return sb.isEmpty() ? null : sb.toString();
                }
            }
        }
        return null;
    }
}
