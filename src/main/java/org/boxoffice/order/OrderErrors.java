package org.boxoffice.order;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.boxoffice.shared.StateMachine;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;

final class OrderErrors {
    private OrderErrors() {
    }

    static ApiException notFound(String id) {
        return new ApiException(ErrorCode.ORDER_NOT_FOUND, "No order " + id);
    }

    static ApiException invalidDeadline(String why) {
        return new ApiException(ErrorCode.INVALID_DELIVERY_DEADLINE, "delivery_deadline " + why);
    }

    static ApiException deliveryTypeNotSupported(String type, Collection<String> supported) {
        return new ApiException(ErrorCode.DELIVERY_TYPE_NOT_SUPPORTED, "These tickets cannot be delivered as " + type
                + "; they support " + String.join(", ", supported), Map.of("supported", supported));
    }

    static ApiException statusConflict(Order order, String action, Collection<OrderStatus> allowed) {
        return new ApiException(ErrorCode.ORDER_STATUS_CONFLICT, "Cannot " + action + " an order that is "
                + order.status().wire(), Map.of("order_id", order.id(), "status", order.status().wire(),
                "allowed_from", List.of(StateMachine.wire(allowed))));
    }

    static ApiException paymentConflict(Order order, String action, Collection<PaymentStatus> allowed) {
        return new ApiException(ErrorCode.ORDER_STATUS_CONFLICT, "Cannot " + action + " an order whose payment is "
                + order.paymentStatus().wire(), Map.of("order_id", order.id(), "payment_status",
                order.paymentStatus().wire(), "allowed_from", List.of(StateMachine.wire(allowed))));
    }
}
