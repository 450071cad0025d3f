package cn.zhutui.job;

/**
 * The work of one kind of job. Handlers are Spring beans registered by kind at start-up: a job
 * can only run code that was written to be a job, never a class named in a request.
 * A handler must be idempotent: a job interrupted by a restart runs again from the start.
 */
public interface JobHandler {

    String kind();

    void run(JobContext context) throws Exception;

    /** The page where the owner follows the job (linked from the notice of its outcome). */
    default String link(Job job) {
        return "/";
    }
}
