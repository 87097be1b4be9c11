package org.boxoffice.settings;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SettingsRepository {
    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, String> all() {
        record Pair(String key, String value) {
        }
        return jdbc.sql("SELECT key, value FROM settings").query((rs, n) -> new Pair(rs.getString(1), rs.getString(2)))
                .list().stream().collect(Collectors.toMap(Pair::key, Pair::value));
    }

    void put(String key, String value, Instant now) {
        jdbc.sql("""
                        INSERT INTO settings (key, value, updated_at) VALUES (:key, :value, :now)
                        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at""")
                .param("key", key).param("value", value).param("now", ts(now)).update();
    }
}
