package cn.zhutui.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled  load demo data into an empty database; unset means "only with the embedded database",
 *                 so a production server (external PostgreSQL) never gets demo accounts by accident
 * @param password the password of every demo account
 */
@ConfigurationProperties("zhutui.demo")
public record DemoProperties(Boolean enabled, String password) {

    public DemoProperties {
        password = password == null || password.isBlank() ? "Zhutui2026" : password;
    }
}
