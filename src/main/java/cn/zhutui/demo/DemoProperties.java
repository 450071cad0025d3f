package cn.zhutui.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled  load demo data into an empty database; off unless asked for (the "demo" profile of
 *                 ./mvnw spring-boot:run), so no deployment gets demo accounts by accident
 * @param password the password of every demo account
 */
@ConfigurationProperties("zhutui.demo")
public record DemoProperties(Boolean enabled, String password) {

    public DemoProperties {
        password = password == null || password.isBlank() ? "Zhutui2026" : password;
    }
}
