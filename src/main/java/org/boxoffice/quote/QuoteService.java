package org.boxoffice.quote;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.EventLayout;
import org.boxoffice.catalog.Row;
import org.boxoffice.catalog.SaleTarget;
import org.boxoffice.catalog.Section;
import org.boxoffice.inventory.Hold;
import org.boxoffice.inventory.HoldService;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.partner.Ownership;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.settings.Settings;
import org.boxoffice.shared.Ids;
import org.boxoffice.shared.Money;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Quotes: a locked price on specific tickets, held until the quote expires or becomes an order. */
@Service
public class QuoteService {
    private final QuoteRepository quotes;
    private final CatalogService catalog;
    private final HoldService holds;
    private final PartnerService partners;
    private final Settings settings;
    private final Clock clock;

    QuoteService(QuoteRepository quotes, CatalogService catalog, HoldService holds, PartnerService partners,
                 Settings settings, Clock clock) {
        this.quotes = quotes;
        this.catalog = catalog;
        this.holds = holds;
        this.partners = partners;
        this.settings = settings;
        this.clock = clock;
    }

    public record QuoteRequest(String eventId, String sectionName, String rowName, int quantity) {
    }

    @Transactional
    public Quote create(CallingPartner caller, QuoteRequest request) {
        partners.requirePaymentConfigured(caller.partnerId());
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        SaleTarget target = catalog.saleTarget(request.eventId(), request.sectionName(), request.rowName(), now);
        EventLayout event = target.event();
        Section section = target.section();
        Optional<Row> row = target.row();
        Settings.Values values = settings.current();
        String id = Ids.newId("qt");
        Hold hold = holds.hold(id, section, row, request.quantity(), now.plus(values.quoteTtl()));
        Row heldRow = section.rows().stream().filter(r -> r.id().equals(hold.rowId())).findFirst().orElseThrow();
        Money subtotal = Money.of(hold.totalPriceMinor(), event.currency());
        Money fees = QuoteFee.of(values, subtotal, request.quantity());
        Quote quote = new Quote(id, caller.partnerId(), event.eventId(), section.id(), heldRow.id(), section.name(),
                section.displayName(), heldRow.name(), heldRow.displayName(), hold.ticketIds(), seats(hold),
                request.quantity(), subtotal.dividedBy(request.quantity()), fees, subtotal.plus(fees),
                hold.commonDeliveryTypes(), false, hold.until(), now);
        quotes.insert(quote);
        quotes.commitWithoutWaitingForDisk();
        return quote;
    }

    /** The caller's quote: {@code QUOTE_NOT_FOUND} if none, {@code FORBIDDEN} if another partner's. */
    public Quote get(CallingPartner caller, String id) {
        Quote quote = quotes.find(id).orElseThrow(() -> QuoteErrors.notFound(id));
        Ownership.require(caller, quote.partnerId(), "quote");
        return quote;
    }

    public List<Quote> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : quotes.findAll(ids);
    }

    public Page<Quote> list(CallingPartner caller, QuoteStatus status, PageRequest page) {
        Instant now = Instant.now(clock);
        return new Page<>(quotes.list(caller.partnerId(), status, now, page.limit(), page.offset()),
                quotes.count(caller.partnerId(), status, now), page);
    }

    /**
     * Uses the quote for an order, in the caller's transaction: one conditional update decides, so of any number
     * of concurrent orders exactly one gets it, and never after expiry. Otherwise says why not.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consume(Quote quote) {
        Instant now = Instant.now(clock);
        if (!quotes.consume(quote.id(), now)) {
            Quote current = quotes.find(quote.id()).orElseThrow();
            throw current.consumed() ? QuoteErrors.consumed(current) : QuoteErrors.expired(current);
        }
    }

    /** Makes a consumed quote usable again (its order's charge was declined); its own expiry still applies. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reactivate(String quoteId) {
        quotes.reactivate(quoteId);
    }

    private static List<String> seats(Hold hold) {
        return hold.tickets().stream().filter(t -> t.seatNumber() != null).map(t -> t.seatNumber().toString()).toList();
    }
}
