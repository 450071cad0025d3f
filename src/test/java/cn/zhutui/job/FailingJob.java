package cn.zhutui.job;

import org.springframework.stereotype.Component;

/** A job that fails as badly as a job can: the JVM's own error. For JobFailureTest only. */
@Component
class FailingJob implements JobHandler {

    static final String KIND = "test-out-of-memory";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(JobContext context) {
        throw new OutOfMemoryError("Java heap space (test)");
    }

    @Override
    public String link(Job job) {
        return "/test/jobs/" + job.id();
    }
}
