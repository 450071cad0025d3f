package cn.zhutui.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * Forwards a refused request to the page that explains the refusal, as a GET with no body and no
 * parameters: neither the CSRF check nor the multipart parser reads the body that was refused.
 */
final class ForwardAsGet extends HttpServletRequestWrapper {

    private ForwardAsGet(HttpServletRequest request) {
        super(request);
    }

    /** To the page for people, or to its problem variant for an API path. */
    static void forward(HttpServletRequest request, HttpServletResponse response, String page, String problem)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        request.getRequestDispatcher(path.startsWith("/api/") ? problem : page).forward(new ForwardAsGet(request), response);
    }

    @Override
    public String getMethod() {
        return "GET";
    }

    @Override
    public String getContentType() {
        return null;
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
        return null;
    }
}
