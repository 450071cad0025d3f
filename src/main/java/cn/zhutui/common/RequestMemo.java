package cn.zhutui.common;

import java.util.function.Supplier;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A record read once per page: within one GET request the same org or campaign is asked for by the
 * scope, the defaults, the service and the breadcrumb (a statistics table read its own org seven
 * times). Only a GET request memoizes, as it changes nothing; any other request, a job or a test
 * outside a request reads every time.
 */
public final class RequestMemo {

    private static final String PREFIX = RequestMemo.class.getName() + ".";

    private RequestMemo() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T get(String key, Supplier<T> read) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet) || !"GET".equals(servlet.getRequest().getMethod())) {
            return read.get();
        }
        Object value = attributes.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
        if (value == null) {
            value = read.get();
            attributes.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
        }
        return (T) value;
    }
}
