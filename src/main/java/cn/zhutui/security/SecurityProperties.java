package cn.zhutui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedAttempts     failed logins in a row that lock an account
 * @param lockoutMinutes        how long the lock lasts
 * @param adminInitialPassword  the first admin's password on an empty database; generated and printed once if unset
 * @param rootOrgName           the org created for the first admin when the database has none
 * @param passwordMaxAgeDays    days after which a password must be changed; unset: no expiry
 * @param passwordHistory       how many of the last passwords may not be used again (5)
 */
@ConfigurationProperties("zhutui.security")
public record SecurityProperties(Integer maxFailedAttempts, Integer lockoutMinutes, String adminInitialPassword,
                                 String rootOrgName, Integer passwordMaxAgeDays, Integer passwordHistory) {

    public SecurityProperties {
        maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
        lockoutMinutes = lockoutMinutes == null ? 15 : lockoutMinutes;
        rootOrgName = rootOrgName == null || rootOrgName.isBlank() ? "省政协" : rootOrgName;
        passwordHistory = passwordHistory == null ? 5 : passwordHistory;
    }
}
