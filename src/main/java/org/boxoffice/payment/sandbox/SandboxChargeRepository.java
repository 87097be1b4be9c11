package org.boxoffice.payment.sandbox;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import java.util.Optional;
import org.boxoffice.payment.CardGateway.ProviderResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox provider's side of the world: what it charged and refunded, by idempotency key. */
@Repository
class SandboxChargeRepository {
    private final JdbcClient jdbc;

    SandboxChargeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the call unless one with this key exists; either way returns what is recorded for the key. */
    ProviderResult record(String key, String kind, String method, long amount, String currency, String status,
                          String reference, Instant now) {
        jdbc.sql("""
                        INSERT INTO sandbox_charges (idempotency_key, kind, payment_method, amount_minor, currency, status,
                                                     reference, created_at)
                        VALUES (:key, :kind, :method, :amount, :currency, :status, :reference, :now)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("key", key).param("kind", kind).param("method", method).param("amount", amount)
                .param("currency", currency).param("status", status).param("reference", reference).param("now", ts(now))
                .update();
        return find(key).orElseThrow();
    }

    Optional<ProviderResult> find(String key) {
        return jdbc.sql("SELECT status, reference FROM sandbox_charges WHERE idempotency_key = :key").param("key", key)
                .query((rs, n) -> "succeeded".equals(rs.getString("status"))
                        ? ProviderResult.succeeded(rs.getString("reference"))
                        : ProviderResult.failed(rs.getString("reference"), rs.getString("status"), "Your card was declined."))
                .optional();
    }

    long count(String key) {
        return jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key = :key").param("key", key)
                .query(Long.class).single();
    }
}
