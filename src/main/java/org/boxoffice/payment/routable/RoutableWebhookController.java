package org.boxoffice.payment.routable;

import org.boxoffice.web.RawBody;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/routable}: 200 with an empty body for a genuine delivery, at once; 401 with an empty body for
 * anything else (Routable's own endpoint tests expect exactly that).
 */
@RawBody
@RestController
class RoutableWebhookController {
    private final RoutableWebhooks webhooks;

    RoutableWebhookController(RoutableWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/webhooks/routable")
    ResponseEntity<Void> receive(@RequestBody(required = false) String body,
                                 @RequestHeader(name = "Routable-Signature", required = false) String signature,
                                 @RequestHeader(name = "Routable-Signature-Timestamp", required = false) String timestamp) {
        return webhooks.accept(body == null ? "" : body, timestamp, signature)
                ? ResponseEntity.ok().build() : ResponseEntity.status(401).build();
    }
}
