package cn.zhutui.web;

import cn.zhutui.file.FileProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload over the limit before anything reads its body (the CSRF check would, and a
 * 20 MB file would end in a server error): 413 with a page, or a problem for the API, that names
 * the limit. Runs before Spring Security. Division tables may be larger than other uploads.
 */
class UploadLimitFilter extends OncePerRequestFilter {

    static final String LIMIT_ATTRIBUTE = UploadLimitFilter.class.getName() + ".limit";

    private final FileProperties props;

    UploadLimitFilter(FileProperties props) {
        this.props = props;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if ("POST".equals(request.getMethod()) && type != null && type.toLowerCase().startsWith("multipart/")) {
            long limit = limitOf(request);
            // a little room for the form's other fields and the multipart boundaries
            if (request.getContentLengthLong() > limit + 64 * 1024) {
                request.setAttribute(LIMIT_ATTRIBUTE, limit / (1024 * 1024));
                ForwardAsGet.forward(request, response, "/error/too-large", "/error/too-large.json");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    long limitOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return (path.startsWith("/regions/import") ? props.regionMaxSize() : props.maxSize()).toBytes();
    }
}
