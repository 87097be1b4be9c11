package org.boxoffice.payment.sandbox;

import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.payment.IntentStatus;
import org.boxoffice.payment.IntentGateway.Intent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox provider's PaymentIntents. Every change is a compare-and-set on the intent's status. */
@Repository
class SandboxIntentRepository {
    private final JdbcClient jdbc;

    SandboxIntentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the intent unless one exists for the key; returns the key's intent either way (a replay). */
    Intent create(String key, String id, String secret, long amount, String currency, Map<String, String> metadata,
                  Instant now) {
        jdbc.sql("""
                        INSERT INTO sandbox_intents (id, idempotency_key, client_secret, amount_minor, currency, status,
                                                     basket_id, partner_id, created_at, updated_at)
                        VALUES (:id, :key, :secret, :amount, :currency, :status, :basket, :partner,
                                :now, :now)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("status", IntentStatus.REQUIRES_PAYMENT_METHOD.wire())
                .param("id", id).param("key", key).param("secret", secret).param("amount", amount)
                .param("currency", currency).param("basket", metadata.get("basket_id"))
                .param("partner", metadata.get("partner_id")).param("now", ts(now)).update();
        return jdbc.sql("SELECT * FROM sandbox_intents WHERE idempotency_key = :key").param("key", key)
                .query(SandboxIntentRepository::map).single();
    }

    Optional<Intent> find(String id) {
        return jdbc.sql("SELECT * FROM sandbox_intents WHERE id = :id").param("id", id)
                .query(SandboxIntentRepository::map).optional();
    }

    /** Moves the intent from one of {@code from} to {@code to}; false if it was not in one of them. */
    boolean transition(String id, Set<IntentStatus> from, IntentStatus to, Long amount, String failureCode,
                       String failureMessage, Instant now) {
        return jdbc.sql("""
                        UPDATE sandbox_intents SET status = :to, amount_minor = coalesce(:amount, amount_minor),
                               failure_code = :code, failure_message = :message, updated_at = :now,
                               latest_charge = CASE WHEN :paid THEN 'ch_sandbox_' || md5(id) ELSE latest_charge END
                        WHERE id = :id AND status = ANY(:from)""")
                .param("id", id).param("from", from.stream().map(IntentStatus::wire).toArray(String[]::new))
                .param("to", to.wire()).param("paid", to == IntentStatus.SUCCEEDED).param("amount", amount)
                .param("code", failureCode).param("message", failureMessage).param("now", ts(now)).update() == 1;
    }

    private static Intent map(ResultSet rs, int n) throws SQLException {
        Map<String, String> metadata = new java.util.HashMap<>();
        if (rs.getString("basket_id") != null) {
            metadata.put("basket_id", rs.getString("basket_id"));
        }
        if (rs.getString("partner_id") != null) {
            metadata.put("partner_id", rs.getString("partner_id"));
        }
        return new Intent(rs.getString("id"), rs.getString("client_secret"), IntentStatus.of(rs.getString("status")),
                rs.getLong("amount_minor"), rs.getString("currency"), Map.copyOf(metadata), rs.getString("failure_code"),
                rs.getString("failure_message"));
    }
}
