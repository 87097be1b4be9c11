package org.boxoffice.payment;

import java.time.Instant;
import org.springframework.stereotype.Service;

/** Provider webhook deliveries already taken, so a repeated delivery is processed once. */
@Service
public class WebhookDeliveries {
    private final WebhookDeliveryRepository deliveries;

    WebhookDeliveries(WebhookDeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** True the first time a delivery is seen. */
    public boolean firstTime(String provider, String deliveryId, Instant now) {
        return deliveries.firstTime(provider, deliveryId, now);
    }

    /** Forgets a delivery whose processing failed, so the provider's retry is processed. */
    public void forget(String provider, String deliveryId) {
        deliveries.forget(provider, deliveryId);
    }
}
