package cn.zhutui.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.zhutui.common.DataScope;
import cn.zhutui.support.IntegrationTest;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A wrong type sent to every typed parameter of every route — a path variable, a request
 * parameter, a field of a filter object — answers 400 with a message, logged in or not; never a
 * server error with a stack trace in the log.
 */
@IntegrationTest
class BadParametersTest {

    private static final Set<Class<?>> SKIPPED = Set.of(DataScope.class, Model.class, Locale.class, BindingResult.class,
            RedirectAttributes.class, MultipartFile.class, jakarta.servlet.http.HttpServletResponse.class,
            jakarta.servlet.http.HttpServletRequest.class);

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    UserDetailsService users;

    record Probe(HttpMethod method, String path, String param, String description, boolean expect400) {
    }

    @Test
    void everyTypedParameterOfEveryRouteRefusesAWrongType() throws Exception {
        List<Probe> probes = probes();
        assertThat(probes).hasSizeGreaterThan(60);
        List<String> failures = new ArrayList<>();
        for (Probe p : probes) {
            for (boolean loggedIn : new boolean[] {true, false}) {
                MockHttpServletRequestBuilder r = request(p.method(), p.path());
                if (p.param() != null) {
                    r.param(p.param(), "abc");
                }
                if (p.method() != HttpMethod.GET) {
                    r.with(csrf());
                }
                if (loggedIn) {
                    r.with(user(users.loadUserByUsername("admin")));
                }
                int status = mvc.perform(r).andReturn().getResponse().getStatus();
                // an API call without the body it consumes is refused as such (415) before its path is read
                boolean unsupported = status == 415 && p.path().startsWith("/api/") && p.method() != HttpMethod.GET;
                boolean ok = status < 500 && (!loggedIn || !p.expect400() || status == 400 || unsupported);
                if (!ok) {
                    failures.add(p.method() + " " + p.path() + (p.param() == null ? "" : "?" + p.param() + "=abc")
                            + (loggedIn ? " (admin)" : " (anonymous)") + " → " + status + " [" + p.description() + "]");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aCraftedLanguageIsIgnored() throws Exception {
        assertThat(mvc.perform(request(HttpMethod.GET, "/login?lang=..%2F")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(request(HttpMethod.GET, "/entries?lang=..%2F").with(user(users.loadUserByUsername("admin"))))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void anInvalidPeriodInAListIsRefusedNotIgnored() throws Exception {
        String page = mvc.perform(request(HttpMethod.GET, "/entries?periodId=2025Q9").with(user(users.loadUserByUsername("admin"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(mvc.perform(request(HttpMethod.GET, "/entries?periodId=2025Q9").with(user(users.loadUserByUsername("admin"))))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(page).contains("2025Q9");
    }

    private List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("cn.zhutui")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            HttpMethod method = methods.contains(RequestMethod.POST) ? HttpMethod.POST
                    : methods.contains(RequestMethod.PUT) ? HttpMethod.PUT : HttpMethod.GET;
            for (String pattern : info.getPatternValues()) {
                String base = pattern.replaceAll("\\{[^}]+}", "1");
                for (MethodParameter mp : handler.getMethodParameters()) {
                    mp.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                    Class<?> type = mp.getParameterType();
                    if (SKIPPED.contains(type) || mp.hasParameterAnnotation(RequestBody.class) || mp.hasParameterAnnotation(RequestHeader.class)) {
                        continue;
                    }
                    PathVariable pv = mp.getParameterAnnotation(PathVariable.class);
                    if (pv != null) {
                        if (type != String.class) {
                            String name = !pv.value().isEmpty() ? pv.value() : mp.getParameterName();
                            probes.add(new Probe(method, pattern.replace("{" + name + "}", "abc").replaceAll("\\{[^}]+}", "1"), null,
                                    handler.getShortLogMessage(), true));
                        }
                        continue;
                    }
                    RequestParam rp = mp.getParameterAnnotation(RequestParam.class);
                    if (rp != null || BeanUtils.isSimpleProperty(type)) {
                        if (type != String.class && !List.class.isAssignableFrom(type)) {
                            String name = rp != null && !rp.value().isEmpty() ? rp.value() : rp != null && !rp.name().isEmpty() ? rp.name() : mp.getParameterName();
                            probes.add(new Probe(method, base, name, handler.getShortLogMessage(), true));
                        }
                        continue;
                    }
                    if (mp.hasParameterAnnotation(ModelAttribute.class) || !BeanUtils.isSimpleProperty(type)) {
                        boolean collectsErrors = handler.getMethodParameters().length > mp.getParameterIndex() + 1
                                && handler.getMethodParameters()[mp.getParameterIndex() + 1].getParameterType() == BindingResult.class;
                        for (PropertyDescriptor pd : BeanUtils.getPropertyDescriptors(type)) {
                            Class<?> pt = pd.getPropertyType();
                            if (pd.getWriteMethod() != null && pt != null && pt != String.class && BeanUtils.isSimpleProperty(pt)) {
                                probes.add(new Probe(method, base, pd.getName(), handler.getShortLogMessage() + " ." + pd.getName(), !collectsErrors));
                            }
                        }
                    }
                }
            }
        });
        return probes;
    }
}
