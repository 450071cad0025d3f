package cn.zhutui.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Chinese by default; ?lang=en switches to English and a cookie remembers it. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    static {
        // work done outside a request (jobs, reminders, mails) speaks the users' language, not the server's
        org.springframework.context.i18n.LocaleContextHolder.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("zhutui-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Boot adds this filter (unless one is registered, as here, switched off) because a webjars
     * locator is present; it would look every link of a page up as a static resource in the jar,
     * and misses are not cached (hundreds per statistics table, most of its time). Webjar paths
     * without versions are resolved when requested, so links need no rewriting.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** Around everything (the security filters too): a request that finds the database down gets 503. */
    @Bean
    FilterRegistrationBean<DatabaseDownFilter> databaseDown() {
        FilterRegistrationBean<DatabaseDownFilter> registration = new FilterRegistrationBean<>(new DatabaseDownFilter());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Before Spring Security, so an upload over the limit is refused before its body is read. */
    @Bean
    FilterRegistrationBean<UploadLimitFilter> uploadLimit(cn.zhutui.file.FileProperties files) {
        FilterRegistrationBean<UploadLimitFilter> registration = new FilterRegistrationBean<>(new UploadLimitFilter(files));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        // a crafted ?lang=..%2F is ignored, not a server error
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
