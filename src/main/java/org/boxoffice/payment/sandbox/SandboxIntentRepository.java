package org.boxoffice.payment.sandbox;

import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                        VALUES (:id, :key, :secret, :amount, :currency, 'requires_payment_method', :basket, :partner,
                                :now, :now)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
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
    boolean transition(String id, List<String> from, String to, Long amount, String failureCode, String failureMessage,
                       Instant now) {
        return jdbc.sql("""
                        UPDATE sandbox_intents SET status = :to, amount_minor = coalesce(:amount, amount_minor),
                               failure_code = :code, failure_message = :message, updated_at = :now,
                               latest_charge = CASE WHEN :to = 'succeeded' THEN 'ch_sandbox_' || md5(id) ELSE latest_charge END
                        WHERE id = :id AND status = ANY(:from)""")
                .param("id", id).param("from", from.toArray(String[]::new)).param("to", to).param("amount", amount)
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
        return new Intent(rs.getString("id"), rs.getString("client_secret"), rs.getString("status"),
                rs.getLong("amount_minor"), rs.getString("currency"), Map.copyOf(metadata), rs.getString("failure_code"),
                rs.getString("failure_message"));
    }
}
