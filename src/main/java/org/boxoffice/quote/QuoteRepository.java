package org.boxoffice.quote;

import static org.boxoffice.shared.SqlMoney.money;
import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.boxoffice.shared.StateMachine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class QuoteRepository {
    private final JdbcClient jdbc;

    QuoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Lets this transaction's commit answer before its WAL is on disk ({@code synchronous_commit = off} for this
     * transaction alone). A quote's commit applies its seats to the row's stock line under that line's lock (V18), so
     * every buyer of an on-sale's best row queued behind each other's disk flush; the flush now happens after the
     * locks are released, by the WAL writer or the next durable commit. What a database crash can then forget is
     * quotes of its last moments: their seats are on sale again, and the quote answers {@code QUOTE_NOT_FOUND}, as
     * if it had expired at once. Orders, payments, sales and the ledger still wait for the disk, and a later durable
     * commit flushes the quote first (the WAL is written in order): an order's, so nothing that moves money or sells a
     * seat can outlive the quote it was made from, and an {@code Idempotency-Key}'s stored answer, so a quote made
     * with one is on disk before its answer is sent.
     */
    void commitWithoutWaitingForDisk() {
        jdbc.sql("SELECT set_config('synchronous_commit', 'off', true)").query(String.class).single();
    }

    void insert(Quote q) {
        jdbc.sql("""
                        INSERT INTO quotes (id, partner_id, event_id, section_id, row_id, section_name, section_display,
                                            row_name, row_display, ticket_ids, seats, quantity, unit_price_minor, fees_minor,
                                            total_minor, currency, delivery_types, status, expires_at, created_at)
                        VALUES (:id, :partner, :event, :section, :row, :sectionName, :sectionDisplay, :rowName, :rowDisplay,
                                :tickets, :seats, :quantity, :unit, :fees, :total, :currency, :types, :status, :expires, :created)""")
                .param("status", QuoteStatus.ACTIVE.wire())
                .param("id", q.id()).param("partner", q.partnerId()).param("event", q.eventId())
                .param("section", q.sectionId()).param("row", q.rowId()).param("sectionName", q.sectionName())
                .param("sectionDisplay", q.sectionDisplay()).param("rowName", q.rowName()).param("rowDisplay", q.rowDisplay())
                .param("tickets", q.ticketIds().toArray(String[]::new)).param("seats", q.seats().toArray(String[]::new))
                .param("quantity", q.quantity()).param("unit", q.unitPrice().minor()).param("fees", q.fees().minor())
                .param("total", q.total().minor()).param("currency", q.currency())
                .param("types", q.deliveryTypes().toArray(String[]::new))
                .param("expires", ts(q.expiresAt())).param("created", ts(q.createdAt())).update();
    }

    Optional<Quote> find(String id) {
        return jdbc.sql("SELECT * FROM quotes WHERE id = :id").param("id", id).query(QuoteRepository::map).optional();
    }

    List<Quote> findAll(Collection<String> ids) {
        return jdbc.sql("SELECT * FROM quotes WHERE id = ANY(:ids)").param("ids", ids.toArray(String[]::new))
                .query(QuoteRepository::map).list();
    }

    /** The one conditional update that turns a quote into an order: true only for the first caller, before expiry. */
    boolean consume(String id, Instant now) {
        return jdbc.sql("""
                        UPDATE quotes SET status = :to, consumed_at = :now
                        WHERE id = :id AND status = ANY(:from) AND expires_at > :now""")
                .param("to", QuoteStatus.CONSUMED.wire())
                .param("from", StateMachine.wire(StateMachine.sources(QuoteStatus.CONSUMED))).param("id", id).param("now", ts(now)).update() == 1;
    }

    /** Undoes {@link #consume} when the charge was declined: the quote is usable again until it expires. */
    void reactivate(String id) {
        jdbc.sql("UPDATE quotes SET status = :to, consumed_at = NULL WHERE id = :id AND status = ANY(:from)")
                .param("to", QuoteStatus.ACTIVE.wire())
                .param("from", StateMachine.wire(StateMachine.sources(QuoteStatus.ACTIVE))).param("id", id).update();
    }

    List<Quote> list(String partnerId, QuoteStatus status, Instant now, int limit, long offset) {
        return jdbc.sql("SELECT * FROM quotes WHERE partner_id = :partner" + statusFilter(status)
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("partner", partnerId).param("now", ts(now)).param("active", QuoteStatus.ACTIVE.wire())
                .param("consumed", QuoteStatus.CONSUMED.wire()).param("limit", limit).param("offset", offset)
                .query(QuoteRepository::map).list();
    }

    long count(String partnerId, QuoteStatus status, Instant now) {
        return jdbc.sql("SELECT count(*) FROM quotes WHERE partner_id = :partner" + statusFilter(status))
                .param("partner", partnerId).param("now", ts(now)).param("active", QuoteStatus.ACTIVE.wire())
                .param("consumed", QuoteStatus.CONSUMED.wire()).query(Long.class).single();
    }

    /** The stored status and the clock together: an active quote past its expiry reads expired. */
    private static String statusFilter(QuoteStatus status) {
        return status == null ? "" : switch (status) {
            case ACTIVE -> " AND status = :active AND expires_at > :now";
            case EXPIRED -> " AND status = :active AND expires_at <= :now";
            case CONSUMED -> " AND status = :consumed";
        };
    }

    private static Quote map(ResultSet rs, int n) throws SQLException {
        return new Quote(rs.getString("id"), rs.getString("partner_id"), rs.getString("event_id"), rs.getString("section_id"),
                rs.getString("row_id"), rs.getString("section_name"), rs.getString("section_display"),
                rs.getString("row_name"), rs.getString("row_display"), strings(rs, "ticket_ids"), strings(rs, "seats"),
                rs.getInt("quantity"), money(rs, "unit_price_minor"), money(rs, "fees_minor"), money(rs, "total_minor"),
                strings(rs, "delivery_types"), QuoteStatus.CONSUMED.wire().equals(rs.getString("status")),
                instant(rs, "expires_at"), instant(rs, "created_at"));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        return Arrays.asList((String[]) rs.getArray(column).getArray());
    }
}
