package org.boxoffice.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The one percentage rule (service fees, booking fees, commission) against exact decimal arithmetic, as jqwik
 * properties: on failure jqwik shrinks to the smallest case and prints the seed to replay it with.
 */
class PercentagePropertiesTest {

    /** Half up on minor units, as a bank would compute it by hand. */
    private static long exact(long minor, int bps) {
        return BigDecimal.valueOf(minor).multiply(BigDecimal.valueOf(bps))
                .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP).longValueExact();
    }

    @Property(tries = 2_000)
    void equalsExactDecimalArithmeticRoundedHalfUp(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long minor,
                                                  @ForAll @IntRange(min = 0, max = 10_000) int bps) {
        assertThat(Money.percentOf(minor, bps)).isEqualTo(exact(minor, bps));
    }

    @Property
    void neverMoreThanTheWholeAndGrowsWithTheAmount(@ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long minor,
                                                    @ForAll @IntRange(min = 0, max = 10_000) int bps) {
        long part = Money.percentOf(minor, bps);
        assertThat(part).isBetween(0L, minor);
        assertThat(Money.percentOf(minor + 1, bps)).isGreaterThanOrEqualTo(part);
    }

    @Property
    void anAmountTooLargeThrowsAndNeverWraps(@ForAll @LongRange(min = Long.MAX_VALUE / 2, max = Long.MAX_VALUE) long minor,
                                             @ForAll @IntRange(min = 2, max = 10_000) int bps) {
        assertThatThrownBy(() -> Money.percentOf(minor, bps)).isInstanceOf(ArithmeticException.class);
    }

    @Example
    void halfAMinorUnitRoundsUp() {
        assertThat(Money.percentOf(25, 1_000)).isEqualTo(3); // 2.5 → 3
        assertThat(Money.percentOf(24, 1_000)).isEqualTo(2); // 2.4 → 2
        assertThat(Money.of(12_500, "USD").percent(800)).isEqualTo(Money.of(1_000, "USD")); // 8 % of 125.00
    }
}
