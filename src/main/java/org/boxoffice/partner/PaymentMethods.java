package org.boxoffice.partner;

import java.util.Map;
import java.util.regex.Pattern;
import org.boxoffice.web.ApiException;

/**
 * The payment methods a partner may have on file, and the sandbox test references of API.md §9 (like Stripe's
 * test tokens, binding): cards {@code tok_visa}, {@code tok_chargeDeclined}, {@code tok_timeout}; payout methods
 * {@code ba_sandbox}, {@code ba_sandbox_fail}.
 */
final class PaymentMethods {
    static final Map<String, String> SANDBOX_CARDS = Map.of("tok_visa", "4242", "tok_chargeDeclined", "0002",
            "tok_timeout", "0077");
    static final Map<String, String> SANDBOX_PAYOUTS = Map.of("ba_sandbox", "6789", "ba_sandbox_fail", "0000");
    private static final Pattern STRIPE_CARD = Pattern.compile("cus_[A-Za-z0-9]{1,250}:pm_[A-Za-z0-9]{1,250}");
    private static final Pattern ROUTABLE_COMPANY = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final String OFF = "the sandbox is off on this server: sandbox references are not accepted";

    private PaymentMethods() {
    }

    static PaymentMethodRef card(PaymentMethodRef card, boolean sandbox) {
        if (card == null) {
            return null;
        }
        String reference = required(card.reference(), "card_on_file.reference");
        switch (required(card.provider(), "card_on_file.provider")) {
            case "sandbox" -> check(sandbox && SANDBOX_CARDS.containsKey(reference), "card_on_file.reference", !sandbox ? OFF :
                    "sandbox cards are " + String.join(", ", SANDBOX_CARDS.keySet()));
            case "stripe" -> check(STRIPE_CARD.matcher(reference).matches(), "card_on_file.reference",
                    "a Stripe card on file is given as cus_...:pm_...");
            default -> throw ApiException.validation("card_on_file.provider", "card provider must be sandbox or stripe");
        }
        return card;
    }

    static PaymentMethodRef payout(PaymentMethodRef payout, boolean sandbox) {
        if (payout == null) {
            return null;
        }
        String reference = required(payout.reference(), "payout_method.reference");
        switch (required(payout.provider(), "payout_method.provider")) {
            case "sandbox" -> check(sandbox && SANDBOX_PAYOUTS.containsKey(reference), "payout_method.reference", !sandbox ? OFF :
                    "sandbox payout methods are " + String.join(", ", SANDBOX_PAYOUTS.keySet()));
            case "routable" -> check(ROUTABLE_COMPANY.matcher(reference).matches(), "payout_method.reference",
                    "a Routable payout method is the partner's Routable company id (a UUID)");
            default -> throw ApiException.validation("payout_method.provider", "payout provider must be sandbox or routable");
        }
        return payout;
    }

    /** What a partner or operator sees of a method: whether it is there, its kind, and the last four digits we know. */
    static PaymentConfigurationView.Method cardView(PaymentMethodRef card) {
        if (card == null) {
            return PaymentConfigurationView.Method.NONE;
        }
        String last4 = "sandbox".equals(card.provider()) ? SANDBOX_CARDS.get(card.reference()) : null;
        return new PaymentConfigurationView.Method(true, "card", card.provider(), last4);
    }

    static PaymentConfigurationView.Method payoutView(PaymentMethodRef payout) {
        if (payout == null) {
            return PaymentConfigurationView.Method.NONE;
        }
        String last4 = "sandbox".equals(payout.provider()) ? SANDBOX_PAYOUTS.get(payout.reference()) : null;
        return new PaymentConfigurationView.Method(true, "bank_account", payout.provider(), last4);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation(field, field + " is required");
        }
        return value;
    }

    private static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw ApiException.validation(field, message);
        }
    }
}
