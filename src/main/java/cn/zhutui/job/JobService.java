package cn.zhutui.job;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs background jobs one at a time (the machine has few cores and imports are heavy), records
 * their progress for the page that polls it, and after a restart runs again what was queued or
 * cut off — handlers are idempotent, so running twice is safe.
 */
@Service
public class JobService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);

    private final JobRepository repository;
    private final org.springframework.beans.factory.ObjectProvider<JobHandler> handlerBeans;
    private volatile Map<String, JobHandler> handlers;
    private final JsonMapper json;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "zhutui-jobs");
        t.setDaemon(true);
        return t;
    });

    /** Handlers are looked up when first needed: a handler may itself queue jobs through this service. */
    JobService(JobRepository repository, org.springframework.beans.factory.ObjectProvider<JobHandler> handlerBeans, JsonMapper json) {
        this.repository = repository;
        this.handlerBeans = handlerBeans;
        this.json = json;
    }

    private Map<String, JobHandler> handlers() {
        if (handlers == null) {
            handlers = handlerBeans.orderedStream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        }
        return handlers;
    }

    /** Queues a job; it starts after the caller's transaction commits. */
    public long submit(String kind, long userId, Map<String, Object> params, Long fileId) {
        if (!handlers().containsKey(kind)) {
            throw new IllegalArgumentException("no job handler for " + kind);
        }
        long id = repository.insert(kind, userId, json.writeValueAsString(params), fileId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule(id);
                }
            });
        } else {
            schedule(id);
        }
        return id;
    }

    /** A job of the user's own (an admin may look at anyone's). */
    public Job get(DataScope scope, long id) {
        Job job = repository.find(id).orElseThrow(() -> new NotFoundException("job", id));
        if (job.userId() != scope.userId() && !scope.isSystem() && !scope.has(cn.zhutui.common.Role.ADMIN)) {
            throw new NotFoundException("job", id);
        }
        return job;
    }

    public List<Job> recent(DataScope scope, String kind, int limit) {
        return repository.recent(scope.userId(), kind, limit);
    }

    private static final tools.jackson.core.type.TypeReference<Map<String, Object>> MAP = new tools.jackson.core.type.TypeReference<>() { };

    public Map<String, Object> params(Job job) {
        return json.readValue(job.params(), MAP);
    }

    public Map<String, Object> result(Job job) {
        return job.result() == null ? Map.of() : json.readValue(job.result(), MAP);
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        repository.unfinished().forEach(id -> {
            log.info("Resuming job {}", id);
            schedule(id);
        });
    }

    private void schedule(long id) {
        executor.submit(() -> run(id));
    }

    private void run(long id) {
        Job job = repository.find(id).orElse(null);
        if (job == null || job.status().finished()) {
            return;
        }
        repository.start(id);
        Context context = new Context(repository.find(id).orElseThrow());
        try {
            handlers().get(job.kind()).run(context);
            if (!context.finished) {
                repository.finish(id, JobStatus.SUCCEEDED, "job.done", null, null);
            }
        } catch (Exception e) {
            log.error("Job {} ({}) failed", id, job.kind(), e);
            repository.finish(id, JobStatus.FAILED, "job.failed", null, null);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private final class Context implements JobContext {
        private final Job job;
        private boolean finished;
        private long lastWrite;

        Context(Job job) {
            this.job = job;
        }

        @Override
        public Job job() {
            return job;
        }

        @Override
        public void total(int total) {
            repository.total(job.id(), total);
        }

        @Override
        public void progress(int done) {
            long now = System.currentTimeMillis();
            if (now - lastWrite > 300) {
                repository.progress(job.id(), done);
                lastWrite = now;
            }
        }

        @Override
        public void succeed(String messageCode, Map<String, Object> result, Long resultFileId) {
            finish(JobStatus.SUCCEEDED, messageCode, result, resultFileId);
        }

        @Override
        public void fail(String messageCode, Map<String, Object> result, Long resultFileId) {
            finish(JobStatus.FAILED, messageCode, result, resultFileId);
        }

        private void finish(JobStatus status, String messageCode, Map<String, Object> result, Long resultFileId) {
            finished = true;
            repository.finish(job.id(), status, messageCode, result == null ? null : json.writeValueAsString(result), resultFileId);
        }
    }
}
