package cn.zhutui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A record is read once per GET request, and every time anywhere else. */
class RequestMemoTest {

    final AtomicInteger reads = new AtomicInteger();

    String read() {
        return "org " + reads.incrementAndGet();
    }

    void within(String method) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(method, "/reports")));
    }

    @AfterEach
    void leave() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void aGetRequestReadsEachKeyOnce() {
        within("GET");
        assertThat(RequestMemo.get("org.1", this::read)).isEqualTo("org 1");
        assertThat(RequestMemo.get("org.1", this::read)).isEqualTo("org 1");
        assertThat(RequestMemo.get("org.2", this::read)).isEqualTo("org 2");
        within("GET");
        assertThat(RequestMemo.get("org.1", this::read)).as("the next request reads again").isEqualTo("org 3");
    }

    @Test
    void aRequestThatChangesThingsAndNoRequestReadEveryTime() {
        within("POST");
        RequestMemo.get("org.1", this::read);
        RequestMemo.get("org.1", this::read);
        RequestContextHolder.resetRequestAttributes();
        RequestMemo.get("org.1", this::read);
        assertThat(reads).hasValue(3);
    }
}
