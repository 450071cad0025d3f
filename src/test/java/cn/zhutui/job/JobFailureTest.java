package cn.zhutui.job;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.common.PageRequest;
import cn.zhutui.notify.NotificationService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A job that fails for any reason ends FAILED and its owner is told; one cut off again and again is given up. */
@IntegrationTest
class JobFailureTest {

    @Autowired
    JobService jobs;
    @Autowired
    NotificationService notifications;
    @Autowired
    Scopes scopes;
    @Autowired
    JdbcClient jdbc;

    Job await(DataScope owner, long id) throws InterruptedException {
        return cn.zhutui.support.Jobs.await(jobs, owner, id, 30);
    }

    @Test
    void anErrorOfTheJvmEndsTheJobFailedAndTellsItsOwner() throws Exception {
        DataScope owner = scopes.of("luquan.staff");
        long id = jobs.submit(FailingJob.KIND, owner, Map.of(), null);
        Job job = await(owner, id);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.percent()).as("a finished bar is full, not 0%").isEqualTo(100);
        assertThat(notifications.list(owner, true, PageRequest.of(1, 20)).items())
                .anyMatch(n -> n.messageCode().equals("notify.jobFailed") && n.link().equals("/test/jobs/" + id));
        // and the next job runs: the job thread survived
        long next = jobs.submit(FailingJob.KIND, owner, Map.of(), null);
        assertThat(await(owner, next).status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void aJobCutOffByRestartsIsGivenUpAfterThreeAttempts() throws Exception {
        DataScope owner = scopes.of("luquan.staff");
        long id = jobs.submit(FailingJob.KIND, owner, Map.of(), null);
        await(owner, id);
        // as if the app had died three times in the middle of it
        jdbc.sql("UPDATE job SET status = 'RUNNING', attempts = 3, finished_at = NULL WHERE id = :id").param("id", id).update();
        jobs.run(id);
        Job job = jobs.get(owner, id);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.message()).isEqualTo("job.gaveUp");
        assertThat(job.attempts()).isEqualTo(3);
    }
}
