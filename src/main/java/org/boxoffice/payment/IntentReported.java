package org.boxoffice.payment;

/**
 * A provider said something happened to a PaymentIntent. Listeners re-fetch the intent and act on its current
 * status, never on what the notification claimed: deliveries can be forged, repeated and out of order.
 */
public record IntentReported(String intentId) {
}
