package cn.zhutui.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhutui.common.DataScope;
import cn.zhutui.ledger.LedgerService;
import cn.zhutui.support.IntegrationTest;
import cn.zhutui.support.Scopes;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Two reviewers approving one member's work of two months at the same moment. */
@IntegrationTest
class ConcurrentApprovalTest {

    @Autowired
    StatsDataset data;
    @Autowired
    LedgerService ledger;
    @Autowired
    Scopes scopes;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    void data() {
        data.ensure();
    }

    @Test
    void bothMonthsOfTheMemberCountWhenTheApprovalsOverlap() throws Exception {
        long march = data.submitted("并发-三月", LocalDate.of(2025, 3, 10));
        long may = data.submitted("并发-五月", LocalDate.of(2025, 5, 10));
        DataScope reviewer = scopes.of("province.reviewer").asLoader();
        overlapping(() -> ledger.approve(reviewer, march, ledger.get(reviewer, march).version()),
                () -> ledger.approve(reviewer, may, ledger.get(reviewer, may).version()));
        assertThat(months(march, 2025, true)).as("March and May: bits 2 and 4").isEqualTo((1 << 2) | (1 << 4));
    }

    @Test
    void bothMonthsOfTheMemberCountWhenTwoFirstSubmissionsOverlap() throws Exception {
        // no row of the member's year exists yet: neither transaction waits for the other's row
        long[] march = new long[1];
        overlapping(() -> march[0] = data.submitted("并发-次年三月", LocalDate.of(2026, 3, 10)),
                () -> data.submitted("并发-次年五月", LocalDate.of(2026, 5, 10)));
        assertThat(months(march[0], 2026, false)).as("March and May: bits 2 and 4").isEqualTo((1 << 2) | (1 << 4));
    }

    /** Runs first in a transaction that stays open while second runs, then commits it. */
    void overlapping(Runnable firstWork, Runnable secondWork) throws Exception {
        CountDownLatch firstApproved = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = pool.submit(() -> tx.executeWithoutResult(status -> {
                firstWork.run();
                firstApproved.countDown();
                try {
                    commitFirst.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            if (!firstApproved.await(30, TimeUnit.SECONDS)) {
                first.get(1, TimeUnit.SECONDS);
            }
            Future<?> second = pool.submit(secondWork);
            Thread.sleep(500);
            commitFirst.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    Integer months(long entry, int year, boolean approved) {
        return jdbc.sql("""
                        SELECT y.months FROM ledger_member_year y JOIN ledger_entry_member m ON m.member_id = y.member_id
                          JOIN ledger_entry e ON e.id = m.entry_id AND e.unit_org_id = y.unit_org_id AND e.campaign_id = y.campaign_id
                         WHERE e.id = :id AND y.year = :year AND y.approved = :approved""")
                .param("id", entry).param("year", year).param("approved", approved).query(Integer.class).single();
    }
}
