package cn.zhutui.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mail    also e-mail notifications to users who have an address (needs spring.mail.host)
 * @param from    the sender of those mails
 * @param baseUrl the address users reach the app at, for links in mails
 * @param remindDaysBefore how many days before a deadline the unit's staff are reminded
 */
@ConfigurationProperties("zhutui.notify")
public record NotificationProperties(boolean mail, String from, String baseUrl, Integer remindDaysBefore) {

    public NotificationProperties {
        from = from == null || from.isBlank() ? "zhutui@localhost" : from;
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        remindDaysBefore = remindDaysBefore == null ? 3 : remindDaysBefore;
    }
}
