package org.boxoffice.shared;

/** Money as partners see it: {@code {"amount": "125.00", "currency": "USD"}}. */
public record MoneyView(String amount, String currency) {

    public static MoneyView of(Money money) {
        return money == null ? null : new MoneyView(money.amount(), money.currency());
    }

    public static MoneyView of(Long minor, String currency) {
        return minor == null ? null : of(Money.of(minor, currency));
    }
}
