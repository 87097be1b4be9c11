package org.boxoffice.basket;

import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.EventSummary;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.payment.IntentStatus;
import org.boxoffice.partner.RequiresScope;
import org.boxoffice.partner.Scope;
import org.boxoffice.shared.Money;
import org.boxoffice.shared.MoneyView;
import org.boxoffice.shared.Redacted;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/baskets} (API.md §7): create, view, add and remove items, and check out: a PaymentIntent for
 * merchant-of-record partners ({@code stripe_object}), a charge of the card on file for partner-billed ones
 * ({@code checkout}).
 */
@RestController
@RequiresScope(Scope.BASKETS_WRITE)
class BasketController {
    private final BasketService baskets;
    private final BasketCheckout checkout;
    private final CatalogService catalog;
    private final Clock clock;

    BasketController(BasketService baskets, BasketCheckout checkout, CatalogService catalog,
                     Clock clock) {
        this.baskets = baskets;
        this.checkout = checkout;
        this.catalog = catalog;
        this.clock = clock;
    }

    record CreateBasket(String currency) {
    }

    record AddItem(@NotBlank String eventId, @NotBlank String sectionName, String rowName,
                   @NotNull @Min(1) @Max(20) Integer quantity) {
    }

    @PostMapping("/v1/baskets")
    @ResponseStatus(HttpStatus.CREATED)
    BasketView create(CallingPartner caller, @RequestBody(required = false) CreateBasket request) {
        String currency = request == null || request.currency() == null ? "USD" : request.currency();
        if (!Money.isCurrency(currency)) {
            throw ApiException.validation("currency", "currency must be an ISO 4217 code such as USD");
        }
        return view(baskets.create(caller, currency));
    }

    @GetMapping("/v1/baskets/{basketId}")
    @ApiErrors({ErrorCode.BASKET_NOT_FOUND})
    BasketView get(CallingPartner caller, @PathVariable String basketId) {
        return view(baskets.get(caller, basketId));
    }

    @PostMapping("/v1/baskets/{basketId}/items")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiErrors({ErrorCode.BASKET_NOT_FOUND, ErrorCode.BASKET_STATUS_CONFLICT, ErrorCode.BASKET_ITEM_LIMIT,
            ErrorCode.EVENT_NOT_FOUND, ErrorCode.SECTION_NOT_FOUND, ErrorCode.ROW_NOT_FOUND, ErrorCode.EVENT_NOT_ON_SALE,
            ErrorCode.NO_INVENTORY_AVAILABLE})
    BasketView addItem(CallingPartner caller, @PathVariable String basketId, @Valid @RequestBody AddItem r) {
        String row = r.rowName() == null || r.rowName().isBlank() ? null : r.rowName();
        return view(baskets.addItem(caller, basketId,
                new BasketService.ItemRequest(r.eventId(), r.sectionName(), row, r.quantity())));
    }

    @DeleteMapping("/v1/baskets/{basketId}/items/{itemId}")
    @ApiErrors({ErrorCode.BASKET_NOT_FOUND, ErrorCode.ITEM_NOT_FOUND, ErrorCode.BASKET_STATUS_CONFLICT})
    BasketView removeItem(CallingPartner caller, @PathVariable String basketId, @PathVariable String itemId) {
        return view(baskets.removeItem(caller, basketId, itemId));
    }

    record StripeObject(@Valid Customer customer) {
    }

    record Customer(@Email @Size(max = 254) String email) {
    }

    /** API.md §7, plus {@code amount_minor} (what the provider is asked for), the intent's status, and the sandbox page. */
    record StripeObjectView(String stripePaymentIntentId, String stripePaymentIntentSecret, String stripePublishableKey,
                            String amount, long amountMinor, String currency, IntentStatus status,
                            @Nullable String checkoutUrl) {
        @Override
        public String toString() {
            return "StripeObjectView[" + stripePaymentIntentId + ", secret=" + Redacted.MARK + ", " + amount + " "
                    + currency + ", " + status + "]";
        }
    }

    @PostMapping("/v1/baskets/{basketId}/stripe_object")
    @ApiErrors({ErrorCode.BASKET_NOT_FOUND, ErrorCode.BILLING_MODEL_MISMATCH, ErrorCode.BASKET_STATUS_CONFLICT,
            ErrorCode.SERVICE_UNAVAILABLE})
    StripeObjectView stripeObject(CallingPartner caller, @PathVariable String basketId,
                                  @Valid @RequestBody(required = false) StripeObject request) {
        String email = request == null || request.customer() == null ? null : request.customer().email();
        BasketCheckout.PaymentIntentAnswer answer = checkout.paymentIntent(caller, basketId, email);
        var intent = answer.intent();
        return new StripeObjectView(intent.id(), intent.clientSecret(), answer.publishableKey(),
                MoneyView.of(intent.amountMinor(), intent.currency()).amount(), intent.amountMinor(), intent.currency(),
                intent.status(), answer.checkoutUrl());
    }

    @PostMapping("/v1/baskets/{basketId}/checkout")
    @ApiErrors({ErrorCode.BASKET_NOT_FOUND, ErrorCode.BILLING_MODEL_MISMATCH, ErrorCode.PAYMENT_NOT_CONFIGURED,
            ErrorCode.PAYMENT_FAILED, ErrorCode.BASKET_STATUS_CONFLICT})
    BasketView checkout(CallingPartner caller, @PathVariable String basketId) {
        return view(checkout.checkout(caller, basketId));
    }

    private BasketView view(Basket basket) {
        Map<String, EventSummary> events = new HashMap<>();
        basket.items().forEach(i -> events.computeIfAbsent(i.eventId(), catalog::summary));
        return BasketView.of(basket, events, baskets.voucherUrls(basket), Instant.now(clock));
    }
}
