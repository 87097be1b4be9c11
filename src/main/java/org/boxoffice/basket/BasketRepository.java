package org.boxoffice.basket;

import static org.boxoffice.shared.SqlMoney.money;
import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.boxoffice.shared.StateMachine;
import org.boxoffice.shared.WireEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class BasketRepository {
    private final JdbcClient jdbc;

    BasketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Basket b) {
        jdbc.sql("""
                        INSERT INTO baskets (id, partner_id, currency, checkout_status, created_at, updated_at)
                        VALUES (:id, :partner, :currency, :status, :now, :now)""")
                .param("id", b.id()).param("partner", b.partnerId()).param("currency", b.currency())
                .param("status", b.checkoutStatus().wire()).param("now", ts(b.createdAt())).update();
    }

    /** The basket, locked when {@code lock} so concurrent changes to it take turns. */
    Optional<Basket> find(String id, boolean lock) {
        return jdbc.sql("SELECT * FROM baskets WHERE id = :id" + (lock ? " FOR UPDATE" : "")).param("id", id)
                .query(this::basket).optional();
    }

    /**
     * Customer-paid baskets whose checkout started before {@code before} and is still pending: their webhook may be
     * lost. (On-account ones are the payment reconciler's.)
     */
    List<String> pendingSince(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT id FROM baskets WHERE checkout_status = :pending AND paid_by = :byCustomer
                          AND checkout_started_at < :before
                        ORDER BY checkout_started_at LIMIT :limit""")
                .param("pending", CheckoutStatus.CHECKOUT_PENDING.wire())
                .param("byCustomer", BasketBooking.Paid.BY_CUSTOMER.wire()).param("before", ts(before)).param("limit", limit).query(String.class).list();
    }

    /**
     * Baskets whose payment failed (or that changed since) and still point at a PaymentIntent, but hold nothing any
     * more: nothing that intent could pay for is left.
     */
    List<String> staleIntents(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT b.id FROM baskets b
                        WHERE b.checkout_status = ANY(:idle) AND b.intent_id IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM basket_items i WHERE i.basket_id = b.id AND i.status = :reserved
                                          AND i.reserved_until > :now)
                        ORDER BY b.updated_at LIMIT :limit""")
                .param("idle", StateMachine.wire(CheckoutStatus.idle())).param("reserved", ItemStatus.RESERVED.wire())
                .param("now", ts(now)).param("limit", limit).query(String.class).list();
    }

    /** Forgets a cancelled intent of a basket that is not paying (a new checkout makes a new one). */
    void forgetIntent(String id, String intentId) {
        jdbc.sql("""
                        UPDATE baskets SET intent_id = NULL
                        WHERE id = :id AND intent_id = :intent AND checkout_status = ANY(:idle)""")
                .param("idle", StateMachine.wire(CheckoutStatus.idle())).param("id", id).param("intent", intentId).update();
    }

    /**
     * Starts the checkout: the basket is pending, paid through {@code provider} for {@code amount}; a new intent
     * would be made under {@code intentVersion} (kept, so a retry after a lost answer uses the same key).
     */
    boolean startCheckout(String id, BasketBooking.Paid paidBy, String provider, long amount, int intentVersion,
                          Instant now) {
        return jdbc.sql("""
                        UPDATE baskets SET checkout_status = :to, paid_by = :paidBy, payment_provider = :provider,
                               payment_amount_minor = :amount, intent_version = :version, checkout_started_at = :now,
                               updated_at = :now
                        WHERE id = :id AND checkout_status = ANY(:from)""")
                .param("to", CheckoutStatus.CHECKOUT_PENDING.wire()).param("paidBy", paidBy.wire())
                .param("from", StateMachine.wire(StateMachine.sources(CheckoutStatus.CHECKOUT_PENDING))).param("id", id).param("provider", provider).param("amount", amount).param("version", intentVersion)
                .param("now", ts(now)).update() == 1;
    }

    /** Records the intent made for the pending checkout; false if the checkout is no longer pending. */
    boolean setIntent(String id, String intentId, int version, Instant now) {
        return jdbc.sql("""
                        UPDATE baskets SET intent_id = :intent, intent_version = :version, updated_at = :now
                        WHERE id = :id AND checkout_status = :pending""")
                .param("pending", CheckoutStatus.CHECKOUT_PENDING.wire()).param("id", id).param("intent", intentId).param("version", version).param("now", ts(now))
                .update() == 1;
    }

    /** Compare-and-set of the checkout status; false (nothing changed) if the basket's status does not allow it. */
    boolean transition(String id, CheckoutStatus to, String paymentReference, Instant now) {
        return jdbc.sql("""
                        UPDATE baskets SET checkout_status = :to, updated_at = :now,
                               payment_reference = coalesce(:reference, payment_reference),
                               checked_out_at = CASE WHEN :done THEN :now END
                        WHERE id = :id AND checkout_status = ANY(:from)""")
                .param("id", id).param("to", to.wire()).param("reference", paymentReference).param("now", ts(now))
                .param("done", to.checkedOut()).param("from", StateMachine.wire(StateMachine.sources(to)))
                .update() == 1;
    }

    /** Reserved items past their reservation become {@code expired} for good (checkout is starting without them). */
    void expireItems(String basketId, Instant now) {
        jdbc.sql("UPDATE basket_items SET status = :to WHERE basket_id = :b AND status = ANY(:from) "
                        + "AND reserved_until <= :now")
                .param("to", ItemStatus.EXPIRED.wire())
                .param("from", StateMachine.wire(StateMachine.sources(ItemStatus.EXPIRED))).param("b", basketId).param("now", ts(now)).update();
    }

    /** Compare-and-set of an item's status; false (nothing changed) if the item's status does not allow it. */
    boolean transition(String itemId, ItemStatus to) {
        return jdbc.sql("UPDATE basket_items SET status = :to WHERE id = :id AND status = ANY(:from)")
                .param("id", itemId).param("to", to.wire())
                .param("from", StateMachine.wire(StateMachine.sources(to))).update() == 1;
    }

    Optional<String> basketOfItem(String itemId) {
        return jdbc.sql("SELECT basket_id FROM basket_items WHERE id = :id").param("id", itemId).query(String.class)
                .optional();
    }

    private Basket basket(ResultSet rs, int n) throws SQLException {
        Basket.Payment payment = new Basket.Payment(rs.getString("payment_provider"), rs.getString("intent_id"),
                rs.getInt("intent_version"), rs.getObject("payment_amount_minor") == null ? null : money(rs, "payment_amount_minor"),
                rs.getString("payment_reference"), instant(rs, "checkout_started_at"));
        return new Basket(rs.getString("id"), rs.getString("partner_id"), rs.getString("currency"),
                WireEnum.parse(CheckoutStatus.class, rs.getString("checkout_status")).orElseThrow(),
                instant(rs, "created_at"), payment, items(rs.getString("id")));
    }

    void insertItem(Basket.Item i) {
        jdbc.sql("""
                        INSERT INTO basket_items (id, basket_id, event_id, section_name, row_name, ticket_ids, seats, quantity,
                                                  price_minor, booking_fee_minor, status, reserved_until, created_at)
                        VALUES (:id, :basket, :event, :section, :row, :tickets, :seats, :quantity, :price, :fee, :status,
                                :until, :now)""")
                .param("status", ItemStatus.RESERVED.wire())
                .param("id", i.id()).param("basket", i.basketId()).param("event", i.eventId())
                .param("section", i.sectionName()).param("row", i.rowName())
                .param("tickets", i.ticketIds().toArray(String[]::new)).param("seats", i.seats().toArray(String[]::new))
                .param("quantity", i.quantity()).param("price", i.price().minor()).param("fee", i.bookingFee().minor())
                .param("until", ts(i.reservedUntil())).param("now", ts(i.createdAt())).update();
    }

    Optional<BookingFee> bookingFee(String partnerId) {
        return jdbc.sql("SELECT fixed_minor, percent_bps, min_minor, max_minor FROM booking_fees WHERE partner_id = :p")
                .param("p", partnerId).query((rs, n) -> {
                    long max = rs.getLong("max_minor");
                    return new BookingFee(rs.getLong("fixed_minor"), rs.getInt("percent_bps"), rs.getLong("min_minor"),
                            rs.wasNull() ? null : max);
                }).optional();
    }

    void setBookingFee(String partnerId, BookingFee fee) {
        jdbc.sql("""
                        INSERT INTO booking_fees (partner_id, fixed_minor, percent_bps, min_minor, max_minor)
                        VALUES (:p, :fixed, :bps, :min, :max)
                        ON CONFLICT (partner_id) DO UPDATE SET fixed_minor = excluded.fixed_minor,
                            percent_bps = excluded.percent_bps, min_minor = excluded.min_minor, max_minor = excluded.max_minor""")
                .param("p", partnerId).param("fixed", fee.fixedMinor()).param("bps", fee.percentBps())
                .param("min", fee.minMinor()).param("max", fee.maxMinor()).update();
    }

    private List<Basket.Item> items(String basketId) {
        return jdbc.sql("""
                        SELECT i.*, b.currency FROM basket_items i JOIN baskets b ON b.id = i.basket_id
                        WHERE i.basket_id = :b AND i.status <> :removed ORDER BY i.seq""")
                .param("removed", ItemStatus.REMOVED.wire()).param("b", basketId).query(BasketRepository::item).list();
    }

    private static Basket.Item item(ResultSet rs, int n) throws SQLException {
        return new Basket.Item(rs.getString("id"), rs.getString("basket_id"), rs.getString("event_id"),
                rs.getString("section_name"), rs.getString("row_name"),
                Arrays.asList((String[]) rs.getArray("ticket_ids").getArray()),
                Arrays.asList((String[]) rs.getArray("seats").getArray()), rs.getInt("quantity"), money(rs, "price_minor"),
                money(rs, "booking_fee_minor"),
                WireEnum.parse(ItemStatus.class, rs.getString("status")).orElseThrow(), instant(rs, "reserved_until"),
                instant(rs, "created_at"));
    }
}
