package org.boxoffice.web;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IdempotencyRepository {
    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(String requestHash, boolean completed, Integer status, byte[] body, String contentType) {
    }

    /**
     * Claims the key for this request on node {@code nodeId}: a new key, an expired one, or one whose first request
     * was abandoned (in progress since before {@code staleBefore}, or on a node that has stopped beating). True if this
     * request now owns it.
     */
    boolean claim(String partnerId, String key, String hash, Instant now, Instant expiresAt, Instant staleBefore,
                  String nodeId) {
        return !jdbc.sql("""
                        INSERT INTO idempotency_keys (partner_id, key, request_hash, status, created_at, expires_at, node_id)
                        VALUES (:partner, :key, :hash, 'in_progress', :now, :expires, :node)
                        ON CONFLICT (partner_id, key) DO UPDATE
                            SET request_hash = excluded.request_hash, status = 'in_progress', response_status = NULL,
                                response_body = NULL, response_type = NULL, created_at = excluded.created_at,
                                expires_at = excluded.expires_at, node_id = excluded.node_id
                            WHERE idempotency_keys.expires_at <= :now
                               OR (idempotency_keys.status = 'in_progress' AND (idempotency_keys.created_at < :stale
                                   OR idempotency_keys.node_id IS NOT NULL AND NOT EXISTS (
                                       SELECT 1 FROM nodes WHERE nodes.id = idempotency_keys.node_id
                                       AND nodes.seen_at > now() - make_interval(secs => :deadAfter))))
                        RETURNING key""")
                .param("partner", partnerId).param("key", key).param("hash", hash).param("now", ts(now))
                .param("expires", ts(expiresAt)).param("stale", ts(staleBefore)).param("node", nodeId)
                .param("deadAfter", LiveNodes.DEAD_AFTER_SECONDS)
                .query(String.class).list().isEmpty();
    }

    Optional<Stored> find(String partnerId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, status, response_status, response_body, response_type
                        FROM idempotency_keys WHERE partner_id = :partner AND key = :key""")
                .param("partner", partnerId).param("key", key)
                .query((rs, n) -> {
                    int status = rs.getInt("response_status");
                    return new Stored(rs.getString("request_hash"), "completed".equals(rs.getString("status")),
                            rs.wasNull() ? null : status, rs.getBytes("response_body"), rs.getString("response_type"));
                }).optional();
    }

    void complete(String partnerId, String key, int status, byte[] body, String contentType) {
        jdbc.sql("""
                        UPDATE idempotency_keys SET status = 'completed', response_status = :status, response_body = :body,
                               response_type = :type
                        WHERE partner_id = :partner AND key = :key""")
                .param("partner", partnerId).param("key", key).param("status", status).param("body", body)
                .param("type", contentType).update();
    }

    /** Gives up this node's claim made at {@code claimedAt} (never a later claim another request took over). */
    void release(String partnerId, String key, String nodeId, Instant claimedAt) {
        jdbc.sql("""
                        DELETE FROM idempotency_keys WHERE partner_id = :partner AND key = :key AND status = 'in_progress'
                        AND node_id = :node AND created_at = :claimed""")
                .param("partner", partnerId).param("key", key).param("node", nodeId).param("claimed", ts(claimedAt))
                .update();
    }

    int purgeExpired(Instant now) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE expires_at <= :now").param("now", ts(now)).update();
    }
}
