package org.boxoffice.order;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.EventSummary;
import org.boxoffice.inventory.DeliveryType;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.partner.RequiresScope;
import org.boxoffice.partner.Scope;
import org.boxoffice.shared.WireEnum;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ApiException;
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

/** {@code /v1/orders} (API.md §6). Orders cannot be cancelled here: operators do that. */
@RestController
@RequiresScope(Scope.ORDERS_WRITE)
class OrderController {
    private final OrderService orders;
    private final CatalogService catalog;

    OrderController(OrderService orders, CatalogService catalog) {
        this.orders = orders;
        this.catalog = catalog;
    }

    record CreateOrder(@NotBlank String quoteId,
                       @NotBlank @Schema(implementation = DeliveryType.class) String deliveryType, @NotNull Instant deliveryDeadline) {
    }

    @PostMapping("/v1/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiErrors({ErrorCode.PAYMENT_FAILED, ErrorCode.PAYMENT_NOT_CONFIGURED, ErrorCode.QUOTE_NOT_FOUND,
            ErrorCode.QUOTE_EXPIRED, ErrorCode.QUOTE_ALREADY_CONSUMED, ErrorCode.INVALID_DELIVERY_DEADLINE,
            ErrorCode.DELIVERY_TYPE_NOT_SUPPORTED, ErrorCode.IDEMPOTENCY_KEY_IN_USE, ErrorCode.IDEMPOTENCY_KEY_REUSED})
    OrderView create(CallingPartner caller, @Valid @RequestBody CreateOrder r) {
        if (WireEnum.parse(DeliveryType.class, r.deliveryType()).isEmpty()) {
            throw ApiException.validation("delivery_type", "delivery_type must be one of " + WireEnum.allowed(DeliveryType.class));
        }
        OrderService.Placed placed = orders.place(caller,
                new OrderService.OrderRequest(r.quoteId(), r.deliveryType(), r.deliveryDeadline()));
        return OrderView.of(placed, catalog.summary(placed.order().eventId()));
    }

    @GetMapping("/v1/orders/{orderId}")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND})
    OrderView get(CallingPartner caller, @PathVariable String orderId) {
        OrderService.Placed placed = orders.get(caller, orderId);
        return OrderView.of(placed, catalog.summary(placed.order().eventId()));
    }

    @GetMapping("/v1/orders/{orderId}/tickets")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND})
    List<OrderView.TicketView> tickets(CallingPartner caller, @PathVariable String orderId) {
        return orders.tickets(caller, orderId);
    }

    @GetMapping("/v1/orders")
    Page<OrderView> list(CallingPartner caller, @RequestParam(required = false) OrderStatus status,
                         @RequestParam(name = "event_id", required = false) String eventId,
                         @RequestParam(name = "created_from", required = false) String createdFrom,
                         @RequestParam(name = "created_to", required = false) String createdTo, PageRequest page) {
        Page<OrderService.Placed> found = orders.list(caller, status, eventId,
                OrderQuery.from(createdFrom), OrderQuery.before(createdTo), page);
        Map<String, EventSummary> events = new HashMap<>();
        return found.map(p -> OrderView.of(p, events.computeIfAbsent(p.order().eventId(), catalog::summary)));
    }
}
