package org.boxoffice.config.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * The external PostgreSQL named by {@code BOXOFFICE_DB_URL}, or else an embedded one with its data under
 * {@code ./data/postgres}, supervised (started again if it dies). The pool gives up on a connection quickly so that
 * a database outage answers 503 within seconds instead of hanging requests.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean(destroyMethod = "close")
    DatabaseEndpoint databaseEndpoint(@Value("${boxoffice.db.url:}") String url,
                                      @Value("${boxoffice.db.user:}") String user,
                                      @Value("${boxoffice.db.password:}") String password,
                                      @Value("${boxoffice.data-dir:./data}") String dataDir,
                                      @Value("${boxoffice.db.embedded.port:0}") int port,
                                      @Value("${boxoffice.db.embedded.clean:false}") boolean clean,
                                      @Value("${boxoffice.db.embedded.durable:true}") boolean durable) {
        if (StringUtils.hasText(url)) {
            return new DatabaseEndpoint(url, user, password, null);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(Path.of(dataDir, "postgres"), port, clean, durable)
                .start();
        return new DatabaseEndpoint(server.jdbcUrl(), "postgres", "postgres", server);
    }

    /** Only for the embedded default: an external database's process is never ours to touch. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${boxoffice.db.url:}' == ''")
    EmbeddedPostgresSupervisor embeddedDatabaseHealthIndicator(DatabaseEndpoint endpoint,
            @Value("${boxoffice.db.embedded.check-every:PT0.5S}") Duration checkEvery) {
        return new EmbeddedPostgresSupervisor(endpoint.embedded(), checkEvery).start();
    }

    /**
     * The pool, with both waits bounded (DESIGN rule 11): for a connection ({@code connection-timeout-ms}) and, in
     * every session, for a row lock ({@code lock-timeout}, PostgreSQL's {@code lock_timeout}). Past either the
     * statement fails, its transaction rolls back whole, and the request is answered 503 with Retry-After. Migrations
     * run on connections of their own ({@link #migrations}), without the lock bound.
     */
    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(DatabaseEndpoint endpoint,
                          @Value("${boxoffice.db.pool-size:20}") int poolSize,
                          @Value("${boxoffice.db.connection-timeout-ms:1000}") long connectionTimeout,
                          @Value("${boxoffice.db.lock-timeout:PT1S}") Duration lockTimeout) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(endpoint.url());
        pool.setUsername(endpoint.user());
        pool.setPassword(endpoint.password());
        pool.setMaximumPoolSize(poolSize);
        pool.setConnectionTimeout(connectionTimeout);
        pool.setConnectionInitSql("SET lock_timeout = '" + lockTimeout.toMillis() + "ms'");
        pool.setValidationTimeout(Math.min(1000, connectionTimeout));
        pool.setPoolName("boxoffice");
        return pool;
    }

    /**
     * Flyway's own connections, unpooled and without the sessions' lock bound: a migration may wait for running
     * transactions, and a setting made for it must not stay behind on a pooled connection.
     */
    @Bean
    @FlywayDataSource
    DataSource migrations(DatabaseEndpoint endpoint) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), endpoint.url(), endpoint.user(), endpoint.password());
    }

    /** Where the database is; holds the embedded server, if any, so it stops with the application. */
    public record DatabaseEndpoint(String url, String user, String password, EmbeddedPostgresServer embedded)
            implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
