package org.boxoffice.quote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.boxoffice.basket.BasketService;
import org.boxoffice.partner.BillingModel;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Fixtures.TestPartner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A quote's transaction commits without waiting for the disk, so that an on-sale's buyers of one row do not queue
 * behind each other's flush while they hold its stock line; the other hold, a basket item, still waits for it.
 * Each transaction first asks for durable commits, as a server on a durable database has them (the tests' database
 * is not durable), and reads the setting its commit will use.
 */
class QuoteCommitTest extends ApiTest {
    @Autowired
    QuoteService quotes;
    @Autowired
    BasketService baskets;
    @Autowired
    TransactionTemplate transaction;
    private TestEvent event;

    @BeforeEach
    void setUp() {
        event = fixtures.event(Duration.ofDays(20), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 10, "50.00")));
    }

    @Test
    void aQuoteCommitsWithoutWaitingForTheDisk() {
        TestPartner buyer = fixtures.buyer();
        CallingPartner caller = new CallingPartner(buyer.id(), buyer.clientId(), Set.of("quotes:write"),
                BillingModel.PARTNER_BILLED);
        assertThat(commitSetting(() -> quotes.create(caller, new QuoteService.QuoteRequest(event.id(), "A", null, 2))))
                .isEqualTo("off");
        assertThat(jdbc.sql("SELECT count(*) FROM tickets WHERE event_id = :e AND hold_id LIKE 'qt_%'")
                .param("e", event.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aBasketItemStillWaitsForTheDisk() {
        TestPartner merchant = fixtures.partner("merchant_of_record");
        CallingPartner caller = new CallingPartner(merchant.id(), merchant.clientId(), Set.of("baskets:write"),
                BillingModel.MERCHANT_OF_RECORD);
        String basket = baskets.create(caller, "USD").id();
        assertThat(commitSetting(() -> baskets.addItem(caller, basket,
                new BasketService.ItemRequest(event.id(), "A", null, 2)))).isEqualTo("on");
    }

    /** Runs {@code work} in a transaction that asked for durable commits; the setting its commit then uses. */
    private String commitSetting(Supplier<?> work) {
        return transaction.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit = on").update();
            work.get();
            return jdbc.sql("SELECT current_setting('synchronous_commit')").query(String.class).single();
        });
    }
}
