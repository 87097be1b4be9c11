package org.boxoffice.operator;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OperatorKeyRepository {
    private final JdbcClient jdbc;

    OperatorKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> hash() {
        return jdbc.sql("SELECT key_hash FROM operator_keys WHERE id = 'operator'").query(String.class).optional();
    }

    /** Stores a generated key's hash unless another node stored one first; true when this one won. */
    boolean insertIfAbsent(String hash, Instant now) {
        return jdbc.sql("INSERT INTO operator_keys (id, key_hash, created_at) VALUES ('operator', :hash, :now) ON CONFLICT DO NOTHING")
                .param("hash", hash).param("now", ts(now)).update() == 1;
    }
}
