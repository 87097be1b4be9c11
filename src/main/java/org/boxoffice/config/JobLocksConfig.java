package org.boxoffice.config;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Background jobs run on one node at a time (ShedLock over the {@code shedlock} table): each {@code @SchedulerLock}
 * method is skipped on a node while another node holds its lock. Lock times come from the database's clock, so nodes
 * whose clocks differ still agree. The lock is on whether the job runs at all; the work inside stays compare-and-set,
 * so a lock that outlives a dead node ({@code lockAtMostFor}) costs a delay, never a double effect.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class JobLocksConfig {

    @Bean
    LockProvider jobLocks(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }
}
