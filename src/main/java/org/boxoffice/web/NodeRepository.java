package org.boxoffice.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code nodes} table: one row per live application node, kept fresh in database time. */
@Repository
class NodeRepository {
    private final JdbcClient jdbc;

    NodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void seen(String nodeId) {
        jdbc.sql("""
                        INSERT INTO nodes (id, started_at, seen_at) VALUES (:id, now(), now())
                        ON CONFLICT (id) DO UPDATE SET seen_at = now()""")
                .param("id", nodeId).update();
    }

    void gone(String nodeId) {
        jdbc.sql("DELETE FROM nodes WHERE id = :id").param("id", nodeId).update();
    }

    /** Rows of nodes unseen for a day: long dead, kept no longer. */
    void forgetLongDead() {
        jdbc.sql("DELETE FROM nodes WHERE seen_at < now() - interval '1 day'").update();
    }
}
