package cn.zhutui.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every message a page names exists, in Chinese and in English: a missing key shows as
 * "??report.allCounties_zh_CN??" on the page, which no test of a single page is sure to see.
 */
class MessageKeysTest {

    private static final Pattern STATIC_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]|#messages\\.msg(?:OrNull)?\\('([a-zA-Z0-9_.]+[a-zA-Z0-9_])'");

    @Test
    void everyKeyTheTemplatesNameExistsInBothLanguages() throws IOException {
        Properties zh = load("i18n/messages.properties");
        Properties en = load("i18n/messages_en.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = STATIC_KEY.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!zh.containsKey(key) || !en.containsKey(key)) {
                        missing.add(f.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
