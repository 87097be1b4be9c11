package org.boxoffice.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.boxoffice.shared.Ids;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.boxoffice.shared.Money;
import org.boxoffice.support.Fixtures;
import org.boxoffice.support.MutableClock;
import org.boxoffice.support.PropertyApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Property: for any sequence of charges, refunds, commissions, payouts and adjustments, in several currencies and
 * spread over months, with balances read between them (which writes the monthly checkpoints as months close),
 * every posting balances, the balance equals the sum of the balance effects at every read, each month's closing
 * balance is the next month's opening balance and equals a recount of everything before the month's end, and every
 * checkpoint agrees with a recount of the entries. jqwik shrinks a failing sequence and prints the seed replaying it.
 */
class LedgerPropertiesTest {
    private final Ledger ledger = PropertyApplication.bean(Ledger.class);
    private final CheckpointRepository checkpoints = PropertyApplication.bean(CheckpointRepository.class);
    private final JdbcClient jdbc = PropertyApplication.bean(JdbcClient.class);
    private final MutableClock clock = PropertyApplication.bean(MutableClock.class);
    private final Fixtures fixtures = PropertyApplication.fixtures();

    enum Kind { CHARGE, REFUND, COMMISSION, PAYOUT, ADJUSTMENT, BALANCE }

    record Operation(Kind kind, long amountMinor, String currency, int daysLater) {
    }

    @Provide
    Arbitrary<List<Operation>> sequences() {
        Arbitrary<Operation> operation = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.longs().between(1, 5_000_000), Arbitraries.of("USD", "EUR", "JPY"),
                Arbitraries.integers().between(0, 12)).as(Operation::new);
        return operation.list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 25)
    void postingsBalanceAndStatementsChainMonthToMonth(@ForAll("sequences") List<Operation> operations) {
        String partner = fixtures.partner().id();
        YearMonth first = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        Map<String, Long> expected = new HashMap<>();
        for (Operation op : operations) {
            clock.advance(Duration.ofDays(op.daysLater()));
            String ref = Ids.newId("ref");
            long effect = switch (op.kind()) {
                case CHARGE -> {
                    ledger.recordCharge(partner, "order", ref, "sandbox", Money.of(op.amountMinor(), op.currency()),
                            Money.of(op.amountMinor() / 10, op.currency()));
                    yield 0;
                }
                case REFUND -> {
                    ledger.recordRefund(partner, "order", "ord_x", ref, "sandbox", Money.of(op.amountMinor(), op.currency()));
                    yield 0;
                }
                case COMMISSION -> {
                    ledger.recordCommission(partner, ref, null, Money.of(op.amountMinor(), op.currency()), "Commission");
                    yield op.amountMinor();
                }
                case PAYOUT -> {
                    ledger.recordPayout(partner, ref, "sandbox", Money.of(op.amountMinor(), op.currency()));
                    yield -op.amountMinor();
                }
                case ADJUSTMENT -> {
                    long signed = op.amountMinor() % 2 == 0 ? op.amountMinor() : -op.amountMinor();
                    ledger.adjust(partner, Money.of(signed, op.currency()), "Adjustment", null);
                    yield signed;
                }
                case BALANCE -> {
                    Map<String, Long> now = ledger.balances(partner);
                    expected.forEach((currency, sum) -> assertThat(now.get(currency)).as("read " + currency).isEqualTo(sum));
                    yield 0;
                }
            };
            if (op.kind() != Kind.BALANCE) {
                expected.merge(op.currency(), effect, Long::sum);
            }
        }
        long unbalanced = jdbc.sql("""
                        SELECT count(*) FROM (SELECT t.id FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
                        WHERE t.partner_id = :p GROUP BY t.id HAVING sum(e.amount_minor) <> 0) x""")
                .param("p", partner).query(Long.class).single();
        assertThat(unbalanced).isZero();
        Map<String, Long> balances = ledger.balances(partner);
        expected.forEach((currency, sum) -> assertThat(balances.get(currency)).as(currency).isEqualTo(sum));
        Map<String, Long> effects = new HashMap<>();
        jdbc.sql("SELECT currency, sum(balance_effect_minor) FROM ledger_transactions WHERE partner_id = :p GROUP BY currency")
                .param("p", partner).query(rs -> {
                    effects.put(rs.getString(1), rs.getLong(2));
                });
        assertThat(effects).isEqualTo(balances);

        YearMonth last = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            Statement statement = ledger.statement(partner, m);
            Statement next = ledger.statement(partner, m.plusMonths(1));
            for (Statement.CurrencyBalance b : statement.balances()) {
                long moved = statement.transactions().stream().filter(t -> t.currency().equals(b.currency()))
                        .mapToLong(t -> t.balanceEffect().minor()).sum();
                assertThat(b.closingMinor()).as("closing = opening + movements, " + m).isEqualTo(b.openingMinor() + moved);
                long nextOpening = next.balances().stream().filter(n -> n.currency().equals(b.currency()))
                        .mapToLong(Statement.CurrencyBalance::openingMinor).findFirst().orElse(0L);
                assertThat(nextOpening).as("opening of the month after " + m).isEqualTo(b.closingMinor());
                assertThat(b.closingMinor()).as("closing of " + m + " recounted")
                        .isEqualTo(recount(partner, b.currency(), statement.to()));
            }
        }
        assertThat(checkpoints.disagreements(partner, null)).isEmpty();
        java.time.Instant closed = YearMonth.from(clock.instant().minus(java.time.Duration.ofHours(1)).atZone(ZoneOffset.UTC))
                .atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        java.time.Instant firstPosting = jdbc.sql("SELECT min(created_at) FROM ledger_transactions WHERE partner_id = :p")
                .param("p", partner).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant).orElse(null);
        if (firstPosting != null && firstPosting.isBefore(closed)) {
            assertThat(checkpoints.lastClose(partner)).as("months closed an hour ago are checkpointed").isEqualTo(closed);
        }
    }

    /** The balance effects of everything the partner had before {@code before}, summed here from the transactions. */
    private long recount(String partner, String currency, java.time.Instant before) {
        return jdbc.sql("SELECT coalesce(sum(balance_effect_minor), 0) FROM ledger_transactions "
                        + "WHERE partner_id = :p AND currency = :c AND created_at < :before")
                .param("p", partner).param("c", currency).param("before", java.sql.Timestamp.from(before))
                .query(Long.class).single();
    }
}
