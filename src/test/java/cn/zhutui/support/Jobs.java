package cn.zhutui.support;

import cn.zhutui.common.DataScope;
import cn.zhutui.job.Job;
import cn.zhutui.job.JobService;

/** Waits for a background job the way its page does: polling until it is finished. */
public final class Jobs {

    private Jobs() {
    }

    public static Job await(JobService jobs, DataScope owner, long id, int seconds) throws InterruptedException {
        long until = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < until) {
            Job job = jobs.get(owner, id);
            if (job.status().finished()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish in " + seconds + " s");
    }
}
