package org.boxoffice.payment;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookDeliveryRepository {
    private final JdbcClient jdbc;

    WebhookDeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time a delivery is seen. */
    boolean firstTime(String provider, String deliveryId, Instant now) {
        return jdbc.sql("INSERT INTO webhook_deliveries (provider, delivery_id, received_at) VALUES (:p, :d, :now) "
                        + "ON CONFLICT DO NOTHING")
                .param("p", provider).param("d", deliveryId).param("now", ts(now)).update() == 1;
    }

    /** Forgets a delivery whose processing failed, so the provider's retry is processed. */
    void forget(String provider, String deliveryId) {
        jdbc.sql("DELETE FROM webhook_deliveries WHERE provider = :p AND delivery_id = :d")
                .param("p", provider).param("d", deliveryId).update();
    }
}
