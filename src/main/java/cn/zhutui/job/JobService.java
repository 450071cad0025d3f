package cn.zhutui.job;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.NotFoundException;
import cn.zhutui.common.Role;
import cn.zhutui.notify.Notice;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs background jobs one at a time (the machine has few cores and imports are heavy), records
 * their progress for the page that polls it, and after a restart runs again what was queued or
 * cut off — handlers are idempotent, so running twice is safe. A job that fails for any reason,
 * an error of the JVM included, ends FAILED and its owner is told; a job cut off by restarts
 * again and again is given up after {@value #MAX_ATTEMPTS} attempts rather than crash each start.
 */
@Service
public class JobService implements DisposableBean {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JobRepository repository;
    private final ObjectProvider<JobHandler> handlerBeans;
    private volatile Map<String, JobHandler> handlers;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "zhutui-jobs");
        t.setDaemon(true);
        return t;
    });

    /** Handlers are looked up when first needed: a handler may itself queue jobs through this service. */
    JobService(JobRepository repository, ObjectProvider<JobHandler> handlerBeans, JsonMapper json, ApplicationEventPublisher events,
               MessageSource messages) {
        this.repository = repository;
        this.handlerBeans = handlerBeans;
        this.json = json;
        this.events = events;
        this.messages = messages;
    }

    private Map<String, JobHandler> handlers() {
        if (handlers == null) {
            handlers = handlerBeans.orderedStream().collect(Collectors.toMap(JobHandler::kind, Function.identity()));
        }
        return handlers;
    }

    /** Queues a job of the owner's (it lies in the owner's scope); it starts after the caller's transaction commits. */
    public long submit(String kind, DataScope owner, Map<String, Object> params, Long fileId) {
        if (!handlers().containsKey(kind)) {
            throw new IllegalArgumentException("no job handler for " + kind);
        }
        long id = repository.insert(kind, owner.userId(), owner.orgPath(), json.writeValueAsString(params), fileId);
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

    /**
     * A job the user may see: their own, or, for an administrator, one queued by a user of their
     * scope. Any other answers "not found", as elsewhere.
     */
    public Job get(DataScope scope, long id) {
        Job job = repository.find(id).orElseThrow(() -> new NotFoundException("job", id));
        boolean own = job.userId() == scope.userId();
        boolean administered = scope.has(Role.ADMIN) && job.orgPath() != null && scope.coversOrgPath(job.orgPath());
        if (!own && !administered && !scope.isSystem()) {
            throw new NotFoundException("job", id);
        }
        return job;
    }

    /** A job of this kind the user may see; one of another kind is not found here (a page serves its own jobs only). */
    public Job get(DataScope scope, long id, String kind) {
        Job job = get(scope, id);
        if (!kind.equals(job.kind())) {
            throw new NotFoundException("job", id);
        }
        return job;
    }

    public List<Job> recent(DataScope scope, String kind, int limit) {
        return repository.recent(scope.userId(), kind, limit);
    }

    /** The user's jobs that failed in the last days (the workbench lists them). */
    public List<Job> failedRecently(DataScope scope, int days) {
        return repository.failedSince(scope.userId(), OffsetDateTime.now().minusDays(days), 10);
    }

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

    void run(long id) {
        Job job = repository.find(id).orElse(null);
        if (job == null || job.status().finished()) {
            return;
        }
        JobHandler handler = handlers().get(job.kind());
        if (job.attempts() >= MAX_ATTEMPTS) {
            log.warn("Job {} ({}) cut off {} times; given up", id, job.kind(), job.attempts());
            finishAndTell(job, handler, JobStatus.FAILED, "job.gaveUp", Map.of(), null);
            return;
        }
        repository.start(id);
        Context context = new Context(repository.find(id).orElseThrow(), handler);
        try {
            handler.run(context);
            if (!context.finished) {
                context.succeed("job.done", Map.of(), null);
            }
        } catch (Throwable e) {
            // an OutOfMemoryError included: the job's data is unreachable now, the app goes on
            log.error("Job {} ({}) failed", id, job.kind(), e);
            if (!context.finished) {
                try {
                    context.fail(e instanceof cn.zhutui.common.BusinessException b ? b.code() : "job.failed",
                            e instanceof cn.zhutui.common.BusinessException b ? Map.of("args", argTexts(b.args())) : Map.of(), null);
                } catch (RuntimeException again) {
                    log.error("Could not mark job {} failed", id, again);
                }
            }
        }
    }

    private List<String> argTexts(Object[] args) {
        if (args == null) {
            return List.of();
        }
        return java.util.Arrays.stream(args).map(a -> a instanceof org.springframework.context.MessageSourceResolvable r
                ? messages.getMessage(r, Locale.SIMPLIFIED_CHINESE) : String.valueOf(a)).toList();
    }

    /** The outcome's sentence: its message code with the result's "args", in the reader's language. */
    public String outcome(Job job, Locale locale) {
        Object args = result(job).get("args");
        Object[] a = args instanceof List<?> l ? l.toArray() : new Object[0];
        return job.message() == null ? "" : messages.getMessage(job.message(), a, job.message(), locale);
    }

    private void finishAndTell(Job job, JobHandler handler, JobStatus status, String messageCode, Map<String, Object> result,
                               Long resultFileId) {
        repository.finish(job.id(), status, messageCode, result == null ? null : json.writeValueAsString(result), resultFileId);
        Job done = repository.find(job.id()).orElseThrow();
        String kind = messages.getMessage("job.kind." + job.kind(), null, job.kind(), Locale.SIMPLIFIED_CHINESE);
        try {
            events.publishEvent(new Notice(List.of(job.userId()), "JOB", status == JobStatus.FAILED ? "notify.jobFailed" : "notify.jobDone",
                    List.of(kind, outcome(done, Locale.SIMPLIFIED_CHINESE)), handler == null ? "/" : handler.link(done), "job:" + job.id()));
        } catch (RuntimeException e) {
            log.warn("Could not tell the owner of job {}: {}", job.id(), e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    private final class Context implements JobContext {
        private final Job job;
        private final JobHandler handler;
        private boolean finished;
        private long lastWrite;

        Context(Job job, JobHandler handler) {
            this.job = job;
            this.handler = handler;
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
            finished = true;
            finishAndTell(job, handler, JobStatus.SUCCEEDED, messageCode, result, resultFileId);
        }

        @Override
        public void fail(String messageCode, Map<String, Object> result, Long resultFileId) {
            finished = true;
            finishAndTell(job, handler, JobStatus.FAILED, messageCode, result, resultFileId);
        }
    }
}
