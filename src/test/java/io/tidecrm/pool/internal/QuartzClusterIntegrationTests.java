package io.tidecrm.pool.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import io.tidecrm.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Two schedulers on one database, configured like the application's (clustered JDBC store,
 * PostgreSQLDelegate): every firing of a trigger runs on exactly one of them.
 */
@IntegrationTest
class QuartzClusterIntegrationTests {

    static final AtomicInteger EXECUTIONS = new AtomicInteger();

    @DisallowConcurrentExecution
    public static class CountingJob implements Job {

        @Override
        public void execute(JobExecutionContext context) {
            EXECUTIONS.incrementAndGet();
        }
    }

    @Test
    void twoNodesOnOneDatabaseRunEachFiringOnce() throws Exception {
        String cluster = "two-node-test-" + System.nanoTime();
        Scheduler first = node(cluster, "node-a");
        Scheduler second = node(cluster, "node-b");
        try {
            first.start();
            second.start();
            int firings = 5;
            first.scheduleJob(JobBuilder.newJob(CountingJob.class).withIdentity("count", cluster).build(),
                    TriggerBuilder.newTrigger().withIdentity("count", cluster)
                            .startAt(new Date(System.currentTimeMillis() + 1000))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(700)
                                    .withRepeatCount(firings - 1))
                            .build());
            long deadline = System.currentTimeMillis() + 30_000;
            while (EXECUTIONS.get() < firings && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(2000); // a duplicate execution would show up by now
            assertThat(EXECUTIONS.get()).isEqualTo(firings);
        } finally {
            first.shutdown(true);
            second.shutdown(true);
        }
    }

    private static Scheduler node(String cluster, String instanceId) throws Exception {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", cluster);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "1000");
        p.setProperty("org.quartz.jobStore.dataSource", "db");
        p.setProperty("org.quartz.dataSource.db.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.db.driver", "org.postgresql.Driver");
        p.setProperty("org.quartz.dataSource.db.URL", System.getProperty("spring.datasource.url"));
        p.setProperty("org.quartz.dataSource.db.user", System.getProperty("spring.datasource.username", "postgres"));
        p.setProperty("org.quartz.dataSource.db.password", System.getProperty("spring.datasource.password", ""));
        p.setProperty("org.quartz.dataSource.db.maxConnections", "4");
        return new StdSchedulerFactory(p).getScheduler();
    }
}
