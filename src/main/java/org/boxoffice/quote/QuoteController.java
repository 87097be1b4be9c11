package org.boxoffice.quote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.EventSummary;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.partner.RequiresScope;
import org.boxoffice.partner.Scope;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/quotes} (API.md §5). */
@RestController
@RequiresScope(Scope.QUOTES_WRITE)
class QuoteController {
    private final QuoteService quotes;
    private final CatalogService catalog;
    private final Clock clock;

    QuoteController(QuoteService quotes, CatalogService catalog, Clock clock) {
        this.quotes = quotes;
        this.catalog = catalog;
        this.clock = clock;
    }

    record CreateQuote(@NotBlank String eventId, @NotBlank String sectionName, String rowName,
                       @NotNull @Min(1) @Max(20) Integer quantity) {
    }

    @PostMapping("/v1/quotes")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiErrors({ErrorCode.PAYMENT_NOT_CONFIGURED, ErrorCode.EVENT_NOT_FOUND, ErrorCode.SECTION_NOT_FOUND,
            ErrorCode.ROW_NOT_FOUND, ErrorCode.EVENT_NOT_ON_SALE, ErrorCode.NO_INVENTORY_AVAILABLE})
    QuoteView create(CallingPartner caller, @Valid @RequestBody CreateQuote r) {
        String row = r.rowName() == null || r.rowName().isBlank() ? null : r.rowName();
        Quote quote = quotes.create(caller, new QuoteService.QuoteRequest(r.eventId(), r.sectionName(), row, r.quantity()));
        return QuoteView.of(quote, catalog.summary(quote.eventId()), Instant.now(clock));
    }

    @GetMapping("/v1/quotes/{quoteId}")
    @ApiErrors({ErrorCode.QUOTE_NOT_FOUND})
    QuoteView get(CallingPartner caller, @PathVariable String quoteId) {
        Quote quote = quotes.get(caller, quoteId);
        return QuoteView.of(quote, catalog.summary(quote.eventId()), Instant.now(clock));
    }

    @GetMapping("/v1/quotes")
    Page<QuoteView> list(CallingPartner caller, @RequestParam(required = false) QuoteStatus status, PageRequest page) {
        Page<Quote> found = quotes.list(caller, status, page);
        Map<String, EventSummary> events = new HashMap<>();
        Instant now = Instant.now(clock);
        return found.map(q -> QuoteView.of(q, events.computeIfAbsent(q.eventId(), catalog::summary), now));
    }
}
