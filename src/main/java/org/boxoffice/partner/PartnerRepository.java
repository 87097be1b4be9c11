package org.boxoffice.partner;

import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.boxoffice.shared.WireEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PartnerRepository {
    private static final String COLUMNS = """
            id, name, billing_model, status, client_id, secret_hash, token_version, rate_limit_per_second,
            rate_limit_burst, payout_provider, payout_reference, card_provider, card_reference, created_at""";
    private final JdbcClient jdbc;

    PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Partner p, Instant now) {
        jdbc.sql("""
                        INSERT INTO partners (id, name, billing_model, status, client_id, secret_hash, token_version,
                                              created_at, updated_at)
                        VALUES (:id, :name, :model, :status, :clientId, :hash, :version, :now, :now)""")
                .param("id", p.id()).param("name", p.name()).param("model", p.billingModel().wire())
                .param("status", p.status().wire()).param("clientId", p.clientId()).param("hash", p.secretHash())
                .param("version", p.tokenVersion()).param("now", ts(now))
                .update();
    }

    Optional<Partner> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partners WHERE id = :id").param("id", id)
                .query(this::map).optional();
    }

    Optional<Partner> findByClientId(String clientId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partners WHERE client_id = :clientId").param("clientId", clientId)
                .query(this::map).optional();
    }

    List<Partner> list(int limit, long offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partners ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset).query(this::map).list();
    }

    /** Active partners with a payout method, oldest first. */
    List<Partner> withPayoutMethod() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM partners WHERE payout_provider IS NOT NULL AND status = 'active' "
                + "ORDER BY created_at, id").query(this::map).list();
    }

    /** Locks the partner's row until the transaction ends: money decisions about one partner happen one at a time. */
    void lock(String id) {
        jdbc.sql("SELECT id FROM partners WHERE id = :id FOR UPDATE").param("id", id).query(String.class).optional();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM partners").query(Long.class).single();
    }

    /** Changes the status and revokes every token issued so far. */
    boolean updateStatus(String id, PartnerStatus status, Instant now) {
        return jdbc.sql("""
                        UPDATE partners SET status = :status, token_version = token_version + 1, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("status", status.wire()).param("now", ts(now)).update() == 1;
    }

    /** Replaces the secret and revokes every token issued with the old one. */
    boolean updateSecret(String id, String hash, Instant now) {
        return jdbc.sql("""
                        UPDATE partners SET secret_hash = :hash, token_version = token_version + 1, updated_at = :now
                        WHERE id = :id""")
                .param("id", id).param("hash", hash).param("now", ts(now)).update() == 1;
    }

    boolean updatePaymentConfiguration(String id, PaymentMethodRef payout, PaymentMethodRef card, Instant now) {
        return jdbc.sql("""
                        UPDATE partners SET payout_provider = :payoutProvider, payout_reference = :payoutReference,
                               card_provider = :cardProvider, card_reference = :cardReference, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .param("payoutProvider", payout == null ? null : payout.provider())
                .param("payoutReference", payout == null ? null : payout.reference())
                .param("cardProvider", card == null ? null : card.provider())
                .param("cardReference", card == null ? null : card.reference())
                .param("now", ts(now)).update() == 1;
    }

    boolean updateRateLimit(String id, RateLimit limit, Instant now) {
        return jdbc.sql("""
                        UPDATE partners SET rate_limit_per_second = :rps, rate_limit_burst = :burst, updated_at = :now
                        WHERE id = :id""")
                .param("id", id)
                .param("rps", limit == null ? null : limit.requestsPerSecond())
                .param("burst", limit == null ? null : limit.burst())
                .param("now", ts(now)).update() == 1;
    }

    private Partner map(ResultSet rs, int row) throws SQLException {
        int rps = rs.getInt("rate_limit_per_second");
        RateLimit override = rs.wasNull() ? null : new RateLimit(rps, rs.getInt("rate_limit_burst"));
        return new Partner(rs.getString("id"), rs.getString("name"),
                WireEnum.parse(BillingModel.class, rs.getString("billing_model")).orElseThrow(),
                WireEnum.parse(PartnerStatus.class, rs.getString("status")).orElseThrow(),
                rs.getString("client_id"), rs.getString("secret_hash"), rs.getInt("token_version"), override,
                method(rs, "payout"), method(rs, "card"), instant(rs, "created_at"));
    }

    private static PaymentMethodRef method(ResultSet rs, String prefix) throws SQLException {
        String provider = rs.getString(prefix + "_provider");
        return provider == null ? null : new PaymentMethodRef(provider, rs.getString(prefix + "_reference"));
    }
}
