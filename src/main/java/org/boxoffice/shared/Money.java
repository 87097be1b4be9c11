package org.boxoffice.shared;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Currency;
import java.util.Objects;

/** An amount in integer minor units of a currency. Decimal strings exist only at the API edge. */
public record Money(long minor, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** The sum of {@code amounts}, all in {@code currency} (zero for none). */
    public static Money sum(String currency, Collection<Money> amounts) {
        return amounts.stream().reduce(zero(currency), Money::plus);
    }

    /** Parses "125.00" in the given currency; more decimals than the currency has is an error, never rounded. */
    public static Money parse(String amount, String currency) {
        int digits = minorDigits(currency);
        BigDecimal value = new BigDecimal(amount.trim());
        if (value.scale() > digits) {
            throw new IllegalArgumentException(currency + " amounts have at most " + digits + " decimals");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static int minorDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    public String amount() {
        return BigDecimal.valueOf(minor, minorDigits(currency)).toPlainString();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    /** This amount shared out in {@code parts} equal parts, rounded down (a row's average ticket price). */
    public Money dividedBy(int parts) {
        return new Money(Math.floorDiv(minor, parts), currency);
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(minor, quantity), currency);
    }

    /** {@code basisPoints} / 10,000 of this amount, in the same currency: see {@link #percentOf(long, int)}. */
    public Money percent(int basisPoints) {
        return new Money(percentOf(minor, basisPoints), currency);
    }

    /**
     * The one percentage rule of fees, booking fees and commission: {@code basisPoints} / 10,000 of {@code minor},
     * rounded half up on minor units (125.005 → 125.01); an amount too large to compute throws, it never wraps.
     */
    public static long percentOf(long minor, int basisPoints) {
        return Math.floorDiv(Math.addExact(Math.multiplyExact(minor, basisPoints), 5_000L), 10_000L);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
        }
    }
}
