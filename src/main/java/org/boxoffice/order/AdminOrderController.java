package org.boxoffice.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.EventSummary;
import org.boxoffice.payment.PaymentAttempt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.boxoffice.shared.Money;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator API for orders: read any partner's, fulfil, cancel with refund. */
@RestController
@RequestMapping("/admin/v1/orders")
class AdminOrderController {
    private final OrderService orders;
    private final OrderLifecycle lifecycle;
    private final CatalogService catalog;

    AdminOrderController(OrderService orders, OrderLifecycle lifecycle, CatalogService catalog) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.catalog = catalog;
    }

    record AdminOrderView(String partnerId, OrderView order, List<PaymentAttempt> paymentAttempts) {
    }

    record Expired(int expired) {
    }

    @GetMapping
    Page<OrderView> list(@RequestParam(name = "partner_id", required = false) String partnerId,
                         @RequestParam(required = false) OrderStatus status,
                         @RequestParam(name = "event_id", required = false) String eventId, PageRequest page) {
        Page<OrderService.Placed> found = orders.list(new OrderRepository.Filter(partnerId, status, eventId,
                null, null), page);
        Map<String, EventSummary> events = new HashMap<>();
        return found.map(p -> OrderView.of(p, events.computeIfAbsent(p.order().eventId(), catalog::summary)));
    }

    @GetMapping("/{orderId}")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND})
    AdminOrderView get(@PathVariable String orderId) {
        return view(orderId);
    }

    @PostMapping("/{orderId}/transfer-sent")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.ORDER_STATUS_CONFLICT})
    AdminOrderView transferSent(@PathVariable String orderId) {
        lifecycle.transferSent(orderId);
        return view(orderId);
    }

    @PostMapping("/{orderId}/delivered")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.ORDER_STATUS_CONFLICT})
    AdminOrderView delivered(@PathVariable String orderId) {
        lifecycle.delivered(orderId);
        return view(orderId);
    }

    @PostMapping("/{orderId}/cancel")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.ORDER_STATUS_CONFLICT})
    AdminOrderView cancel(@PathVariable String orderId) {
        lifecycle.cancel(orderId);
        return view(orderId);
    }

    /** Part of the charge, e.g. {@code "25.00"}, in the order's currency; without it, all that is left. */
    record RefundRequest(@Pattern(regexp = "\\d{1,12}(\\.\\d{1,4})?") String amount) {
    }

    @PostMapping("/{orderId}/refunds")
    @ApiErrors({ErrorCode.ORDER_NOT_FOUND, ErrorCode.ORDER_STATUS_CONFLICT})
    AdminOrderView refund(@PathVariable String orderId,
                          @Valid @RequestBody(required = false)
                          RefundRequest request) {
        Long amount = null;
        if (request != null && request.amount() != null) {
            String currency = orders.find(orderId).quote().currency();
            try {
                amount = Money.parse(request.amount(), currency).minor();
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw ApiException.validation("amount", "amount has more decimals than " + currency + " allows");
            }
        }
        lifecycle.refund(orderId, amount);
        return view(orderId);
    }

    /** Runs the deadline job now (it also runs every minute on every node). */
    @PostMapping("/expire-overdue")
    Expired expireOverdue() {
        return new Expired(lifecycle.expireOverdue());
    }

    private AdminOrderView view(String orderId) {
        OrderService.Placed placed = orders.find(orderId);
        return new AdminOrderView(placed.order().partnerId(), OrderView.of(placed, catalog.summary(placed.order().eventId())),
                orders.attempts(orderId));
    }
}
