package org.boxoffice.payment.sandbox;

import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.boxoffice.payment.IntentStatus;
import org.boxoffice.payment.IntentGateway.Intent;
import org.boxoffice.shared.MoneyView;
import org.boxoffice.shared.Redacted;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.RawBody;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox checkout page ({@code GET /sandbox/checkout?payment_intent=...#client_secret}) and the calls its
 * script makes, the way Stripe.js calls Stripe: every call proves itself with the intent's client secret.
 */
@RestController
@ConditionalOnExpression("'${boxoffice.stripe.secret-key:}' == '' and ${boxoffice.sandbox.enabled:true}")
class SandboxCheckoutController {
    private final SandboxCheckout checkout;
    private final String page;

    SandboxCheckoutController(SandboxCheckout checkout) {
        this.checkout = checkout;
        try (InputStream in = new ClassPathResource("sandbox/checkout.html").getInputStream()) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox checkout page is missing from the build", e);
        }
    }

    record IntentView(String id, IntentStatus status, MoneyView amount, @Nullable String failureCode,
                      @Nullable String failureMessage) {
        static IntentView of(Intent i) {
            return new IntentView(i.id(), i.status(), MoneyView.of(i.amountMinor(), i.currency()), i.failureCode(),
                    i.failureMessage());
        }
    }

    record Confirm(@NotBlank String clientSecret, @NotBlank String cardNumber) {
        @Override
        public String toString() {
            return "Confirm[clientSecret=" + Redacted.MARK + ", cardNumber=" + Redacted.MARK + "]";
        }

    }

    record Authenticate(@NotBlank String clientSecret, @NotNull Boolean completed) {
        @Override
        public String toString() {
            return "Authenticate[clientSecret=" + Redacted.MARK + ", completed=" + completed + "]";
        }

    }

    @RawBody
    @GetMapping("/sandbox/checkout")
    ResponseEntity<String> page() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").body(page);
    }

    @GetMapping("/sandbox/payment_intents/{intentId}")
    @ApiErrors({ErrorCode.NOT_FOUND})
    IntentView intent(@PathVariable String intentId,
                      @RequestHeader(name = "X-Client-Secret", required = false) String clientSecret) {
        return IntentView.of(checkout.intent(intentId, clientSecret));
    }

    @PostMapping("/sandbox/payment_intents/{intentId}/confirm")
    @ApiErrors({ErrorCode.NOT_FOUND})
    IntentView confirm(@PathVariable String intentId, @Valid @RequestBody Confirm request) {
        return IntentView.of(checkout.confirm(intentId, request.clientSecret(), request.cardNumber()));
    }

    @PostMapping("/sandbox/payment_intents/{intentId}/authenticate")
    @ApiErrors({ErrorCode.NOT_FOUND})
    IntentView authenticate(@PathVariable String intentId, @Valid @RequestBody Authenticate request) {
        return IntentView.of(checkout.authenticate(intentId, request.clientSecret(), request.completed()));
    }
}
