package org.boxoffice.billing;

import static org.boxoffice.shared.SqlMoney.money;
import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.boxoffice.shared.SqlFilter;
import org.boxoffice.shared.StateMachine;
import org.boxoffice.shared.WireEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PayoutRepository {
    private final JdbcClient jdbc;

    PayoutRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Payout p) {
        jdbc.sql("""
                        INSERT INTO payouts (id, partner_id, amount_minor, currency, provider, destination, status, created_at,
                                             updated_at)
                        VALUES (:id, :partner, :amount, :currency, :provider, :destination, :status, :now, :now)""")
                .param("status", Payout.Status.PENDING.wire())
                .param("id", p.id()).param("partner", p.partnerId()).param("amount", p.amount().minor())
                .param("currency", p.amount().currency()).param("provider", p.provider()).param("destination", p.destination())
                .param("now", ts(p.createdAt())).update();
    }

    java.util.Optional<Payout> find(String id) {
        return jdbc.sql("SELECT * FROM payouts WHERE id = :id").param("id", id).query(PayoutRepository::map).optional();
    }

    List<Payout> between(Instant from, Instant before) {
        return jdbc.sql("SELECT * FROM payouts WHERE created_at >= :from AND created_at < :before ORDER BY seq")
                .param("from", ts(from)).param("before", ts(before)).query(PayoutRepository::map).list();
    }

    boolean hasOpen(String partnerId, String currency) {
        return jdbc.sql("SELECT count(*) FROM payouts WHERE partner_id = :p AND currency = :c AND status = ANY(:open)")
                .param("open", StateMachine.wire(Payout.Status.open())).param("p", partnerId).param("c", currency).query(Long.class).single() > 0;
    }

    /** Compare-and-set of the status; false (nothing changed) if the payout's status does not allow it. */
    boolean transition(String id, Payout.Status to, String reference, String failureCode, Instant now) {
        return jdbc.sql("""
                        UPDATE payouts SET status = :to, provider_reference = coalesce(:reference, provider_reference),
                               failure_code = :failure, updated_at = :now
                        WHERE id = :id AND status = ANY(:from)""")
                .param("id", id).param("from", StateMachine.wire(StateMachine.sources(to))).param("to", to.wire()).param("reference", reference)
                .param("failure", failureCode).param("now", ts(now)).update() == 1;
    }

    /** Payouts the provider accepted and has not yet reported paid or failed. */
    List<Payout> inTransit() {
        return jdbc.sql("SELECT * FROM payouts WHERE status = :inTransit ORDER BY seq LIMIT 500")
                .param("inTransit", Payout.Status.IN_TRANSIT.wire()).query(PayoutRepository::map).list();
    }

    List<Payout> list(String partnerId, Payout.Status status, int limit, long offset) {
        SqlFilter where = where(partnerId, status);
        return where.bind(jdbc.sql("SELECT * FROM payouts" + where.sql() + " ORDER BY seq DESC LIMIT :limit OFFSET :offset"))
                .param("limit", limit).param("offset", offset).query(PayoutRepository::map).list();
    }

    long count(String partnerId, Payout.Status status) {
        SqlFilter where = where(partnerId, status);
        return where.bind(jdbc.sql("SELECT count(*) FROM payouts" + where.sql())).query(Long.class).single();
    }

    private static SqlFilter where(String partnerId, Payout.Status status) {
        return new SqlFilter().and("partner_id = :partner", "partner", partnerId)
                .and("status = :status", "status", status == null ? null : status.wire());
    }

    private static Payout map(ResultSet rs, int n) throws SQLException {
        return new Payout(rs.getString("id"), rs.getString("partner_id"), money(rs, "amount_minor"),
                rs.getString("provider"), rs.getString("destination"),
                WireEnum.parse(Payout.Status.class, rs.getString("status")).orElseThrow(),
                rs.getString("provider_reference"), rs.getString("failure_code"), instant(rs, "created_at"));
    }
}
