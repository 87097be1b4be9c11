package org.boxoffice.partner;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SigningKeyRepository {
    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shared key: the first node to start stores its candidate, every node then reads the same one. */
    byte[] getOrCreate(byte[] candidate, Instant now) {
        jdbc.sql("INSERT INTO signing_keys (id, secret, created_at) VALUES ('token', :secret, :now) ON CONFLICT DO NOTHING")
                .param("secret", candidate).param("now", ts(now)).update();
        return jdbc.sql("SELECT secret FROM signing_keys WHERE id = 'token'").query(byte[].class).single();
    }
}
