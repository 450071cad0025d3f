package cn.zhutui.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The API's description, served at /api/openapi.json (browsable at /api/docs). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "助推 Zhutui API", version = "v1",
        description = "Ledger entries for mobile clients and other systems. Authenticate with a personal token "
                + "(账户 → API令牌) sent as 'Authorization: Bearer zt_…'. Errors are RFC 9457 problem details."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
class OpenApiConfig {

    static {
        // the caller's scope comes from their token, not from a request parameter
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(cn.zhutui.common.DataScope.class);
    }
}
