package org.boxoffice.order;

import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.shared.SqlFilter;
import org.boxoffice.shared.StateMachine;
import org.boxoffice.shared.WireEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {
    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(String partnerId, OrderStatus status, String eventId, Instant createdFrom, Instant createdBefore) {
    }

    void insert(Order o) {
        jdbc.sql("""
                        INSERT INTO orders (id, partner_id, quote_id, event_id, status, payment_status, delivery_type,
                                            delivery_deadline, transfer_email, created_at, updated_at)
                        VALUES (:id, :partner, :quote, :event, :status, :payment, :delivery, :deadline, :email, :now, :now)""")
                .param("id", o.id()).param("partner", o.partnerId()).param("quote", o.quoteId()).param("event", o.eventId())
                .param("status", o.status().wire()).param("payment", o.paymentStatus().wire()).param("delivery", o.deliveryType())
                .param("deadline", ts(o.deliveryDeadline())).param("email", o.transferEmail()).param("now", ts(o.createdAt()))
                .update();
    }

    Optional<Order> find(String id) {
        return jdbc.sql("SELECT * FROM orders WHERE id = :id").param("id", id).query(OrderRepository::map).optional();
    }

    /** The order a quote became, if it did (a quote becomes at most one order). */
    Optional<String> idForQuote(String quoteId) {
        return jdbc.sql("SELECT id FROM orders WHERE quote_id = :q").param("q", quoteId).query(String.class).optional();
    }

    /** Locks the order's row until the transaction ends. */
    void lock(String id) {
        jdbc.sql("SELECT id FROM orders WHERE id = :id FOR UPDATE").param("id", id).query(String.class).optional();
    }

    void delete(String id) {
        jdbc.sql("DELETE FROM orders WHERE id = :id").param("id", id).update();
    }

    /**
     * Compare-and-set: moves the order to {@code to}, and its payment to {@code payment} when given, if the states it is
     * in allow both moves; false (nothing changed) otherwise.
     */
    boolean transition(String id, OrderStatus to, PaymentStatus payment, Instant now) {
        String paymentSql = payment == null ? "" : ", payment_status = :payment";
        String paymentWhere = payment == null ? "" : " AND payment_status = ANY(:paymentFrom)";
        var update = jdbc.sql("UPDATE orders SET status = :to" + paymentSql + ", updated_at = :now"
                        + " WHERE id = :id AND status = ANY(:from)" + paymentWhere)
                .param("id", id).param("to", to.wire()).param("now", ts(now))
                .param("from", StateMachine.wire(StateMachine.sources(to)));
        if (payment != null) {
            update = update.param("payment", payment.wire())
                    .param("paymentFrom", StateMachine.wire(StateMachine.sources(payment)));
        }
        return update.update() == 1;
    }

    /** Compare-and-set of the payment status alone. */
    boolean transition(String id, PaymentStatus to, Instant now) {
        return jdbc.sql("""
                        UPDATE orders SET payment_status = :to, updated_at = :now
                        WHERE id = :id AND payment_status = ANY(:from)""")
                .param("id", id).param("to", to.wire()).param("now", ts(now))
                .param("from", StateMachine.wire(StateMachine.sources(to))).update() == 1;
    }

    /** Every undelivered order past its delivery deadline becomes transfer_expired; one statement, any node. */
    List<String> expireOverdue(Instant now) {
        return jdbc.sql("""
                        UPDATE orders SET status = :to, updated_at = :now
                        WHERE status = ANY(:from) AND delivery_deadline <= :now RETURNING id""")
                .param("to", OrderStatus.TRANSFER_EXPIRED.wire()).param("now", ts(now))
                .param("from", StateMachine.wire(StateMachine.sources(OrderStatus.TRANSFER_EXPIRED)))
                .query(String.class).list();
    }

    List<Order> list(Filter filter, int limit, long offset) {
        SqlFilter where = where(filter);
        return where.bind(jdbc.sql("SELECT * FROM orders" + where.sql()
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"))
                .param("limit", limit).param("offset", offset).query(OrderRepository::map).list();
    }

    long count(Filter filter) {
        SqlFilter where = where(filter);
        return where.bind(jdbc.sql("SELECT count(*) FROM orders" + where.sql())).query(Long.class).single();
    }

    void insertTickets(String orderId, Map<String, String> barcodeByTicket) {
        barcodeByTicket.forEach((ticket, barcode) -> jdbc.sql(
                        "INSERT INTO order_tickets (order_id, ticket_id, barcode) VALUES (:order, :ticket, :barcode)")
                .param("order", orderId).param("ticket", ticket).param("barcode", barcode).update());
    }

    Map<String, String> barcodes(String orderId) {
        Map<String, String> barcodes = new LinkedHashMap<>();
        jdbc.sql("SELECT ticket_id, barcode FROM order_tickets WHERE order_id = :order").param("order", orderId)
                .query(rs -> {
                    barcodes.put(rs.getString("ticket_id"), rs.getString("barcode"));
                });
        return barcodes;
    }

    private static SqlFilter where(Filter f) {
        return new SqlFilter()
                .and("partner_id = :partner", "partner", f.partnerId())
                .and("status = :status", "status", f.status() == null ? null : f.status().wire())
                .and("event_id = :event", "event", f.eventId())
                .and("created_at >= :from", "from", ts(f.createdFrom()))
                .and("created_at < :before", "before", ts(f.createdBefore()));
    }

    private static Order map(ResultSet rs, int n) throws SQLException {
        return new Order(rs.getString("id"), rs.getString("partner_id"), rs.getString("quote_id"), rs.getString("event_id"),
                WireEnum.parse(OrderStatus.class, rs.getString("status")).orElseThrow(), WireEnum.parse(PaymentStatus.class, rs.getString("payment_status")).orElseThrow(),
                rs.getString("delivery_type"), instant(rs, "delivery_deadline"), rs.getString("transfer_email"),
                instant(rs, "created_at"));
    }
}
