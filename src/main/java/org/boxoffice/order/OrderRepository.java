package org.boxoffice.order;

import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.shared.SqlFilter;
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
                .param("status", o.status().wire()).param("payment", o.paymentStatus()).param("delivery", o.deliveryType())
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

    /** Compare-and-set of the status (and, when given, the payment status). */
    boolean transition(String id, Collection<OrderStatus> from, OrderStatus to, String paymentStatus, Instant now) {
        return jdbc.sql("""
                        UPDATE orders SET status = :to, payment_status = coalesce(:payment, payment_status), updated_at = :now
                        WHERE id = :id AND status = ANY(:from)""")
                .param("id", id).param("to", to.wire()).param("payment", paymentStatus).param("now", ts(now))
                .param("from", from.stream().map(OrderStatus::wire).toArray(String[]::new)).update() == 1;
    }

    void setPaymentStatus(String id, String paymentStatus, Instant now) {
        jdbc.sql("UPDATE orders SET payment_status = :payment, updated_at = :now WHERE id = :id")
                .param("id", id).param("payment", paymentStatus).param("now", ts(now)).update();
    }

    /** Every order past its delivery deadline and not delivered becomes transfer_expired; one statement, any node. */
    int expireOverdue(Instant now) {
        return jdbc.sql("""
                        UPDATE orders SET status = 'transfer_expired', updated_at = :now
                        WHERE status IN ('confirmed', 'transfer_sent') AND delivery_deadline <= :now""")
                .param("now", ts(now)).update();
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
                WireEnum.parse(OrderStatus.class, rs.getString("status")).orElseThrow(), rs.getString("payment_status"),
                rs.getString("delivery_type"), instant(rs, "delivery_deadline"), rs.getString("transfer_email"),
                instant(rs, "created_at"));
    }
}
