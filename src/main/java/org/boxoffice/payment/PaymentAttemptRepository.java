package org.boxoffice.payment;

import static org.boxoffice.shared.SqlMoney.money;
import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.boxoffice.shared.StateMachine;
import org.boxoffice.shared.WireEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentAttemptRepository {
    private final JdbcClient jdbc;

    PaymentAttemptRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PaymentAttempt a) {
        jdbc.sql("""
                        INSERT INTO payment_attempts (id, owner_kind, owner_id, partner_id, kind, provider, payment_method,
                                                      amount_minor, currency, description, status, created_at, updated_at)
                        VALUES (:id, :ownerKind, :owner, :partner, :kind, :provider, :method, :amount, :currency,
                                :description, :status, :now, :now)""")
                .param("status", PaymentAttempt.Status.PENDING.wire())
                .param("id", a.id()).param("ownerKind", a.owner().kind().wire()).param("owner", a.owner().id())
                .param("partner", a.partnerId()).param("description", a.description())
                .param("kind", a.kind().wire()).param("provider", a.provider())
                .param("method", a.paymentMethod()).param("amount", a.amountMinor()).param("currency", a.currency())
                .param("now", ts(a.createdAt())).update();
    }

    /** Compare-and-set: moves the attempt to {@code to} if its status allows; false if someone else moved it first. */
    boolean transition(String id, PaymentAttempt.Status to, String reference,
                   String failureCode, String failureMessage, Instant now) {
        return jdbc.sql("""
                        UPDATE payment_attempts SET status = :to, provider_reference = coalesce(:reference, provider_reference),
                               failure_code = :code, failure_message = :message, updated_at = :now
                        WHERE id = :id AND status = ANY(:from)""")
                .param("id", id).param("to", to.wire()).param("reference", reference)
                .param("code", failureCode).param("message", failureMessage).param("now", ts(now))
                .param("from", StateMachine.wire(StateMachine.sources(to)))
                .update() == 1;
    }

    Optional<PaymentAttempt> find(String id) {
        return jdbc.sql("SELECT * FROM payment_attempts WHERE id = :id").param("id", id)
                .query(PaymentAttemptRepository::map).optional();
    }

    /** Attempts without an answer: unknown ones, and pending ones older than any call could still be running. */
    List<PaymentAttempt> unsettled(Instant pendingBefore, int limit) {
        return jdbc.sql("""
                        SELECT * FROM payment_attempts
                        WHERE status = :unknown OR (status = :pending AND updated_at < :before)
                        ORDER BY seq LIMIT :limit""")
                .param("unknown", PaymentAttempt.Status.UNKNOWN.wire()).param("pending", PaymentAttempt.Status.PENDING.wire())
                .param("before", ts(pendingBefore)).param("limit", limit).query(PaymentAttemptRepository::map).list();
    }

    List<PaymentAttempt> between(Instant from, Instant before) {
        return jdbc.sql("SELECT * FROM payment_attempts WHERE created_at >= :from AND created_at < :before ORDER BY seq")
                .param("from", ts(from)).param("before", ts(before)).query(PaymentAttemptRepository::map).list();
    }

    List<PaymentAttempt> of(PaymentAttempt.Owner owner) {
        return jdbc.sql("SELECT * FROM payment_attempts WHERE owner_id = :owner AND owner_kind = :kind ORDER BY seq")
                .param("owner", owner.id()).param("kind", owner.kind().wire()).query(PaymentAttemptRepository::map).list();
    }

    private static PaymentAttempt map(ResultSet rs, int n) throws SQLException {
        PaymentAttempt.Owner owner = new PaymentAttempt.Owner(WireEnum.parse(PaymentAttempt.OwnerKind.class,
                rs.getString("owner_kind")).orElseThrow(), rs.getString("owner_id"));
        return new PaymentAttempt(rs.getString("id"), owner, rs.getString("partner_id"),
                WireEnum.parse(PaymentAttempt.Kind.class, rs.getString("kind")).orElseThrow(), rs.getString("provider"),
                rs.getString("payment_method"), money(rs, "amount_minor"), rs.getString("description"),
                WireEnum.parse(PaymentAttempt.Status.class, rs.getString("status")).orElseThrow(), rs.getString("provider_reference"),
                rs.getString("failure_code"), rs.getString("failure_message"), instant(rs, "created_at"));
    }
}
