package org.boxoffice.billing;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Monthly closing balances (migration V16), so that a balance is the last checkpoint before it plus the entries after
 * it. Month arithmetic is done on UTC wall-clock timestamps, never in the session's time zone.
 */
@Repository
class CheckpointRepository {
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private final JdbcClient jdbc;

    CheckpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The end of the partner's last checkpointed month, if any. */
    Instant lastClose(String partnerId) {
        return jdbc.sql("SELECT max(closes_at) FROM ledger_checkpoints WHERE partner_id = :partner")
                .param("partner", partnerId).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant)
                .orElse(null);
    }

    /**
     * Writes a checkpoint for every month after the last one up to the month that ends at {@code until} (a month's
     * start), in every currency the partner has used: the last checkpoint plus each month's entries, running.
     */
    void closeMonths(String partnerId, Instant until, Instant now) {
        jdbc.sql("""
                        WITH last AS (
                            SELECT max(closes_at) AT TIME ZONE 'UTC' AS closes FROM ledger_checkpoints WHERE partner_id = :partner
                        ), monthly AS (
                            SELECT t.currency, date_trunc('month', t.created_at AT TIME ZONE 'UTC') + interval '1 month' AS closes,
                                   -coalesce(sum(e.amount_minor) FILTER (WHERE e.account = :account), 0) AS delta,
                                   count(*) FILTER (WHERE e.account = :account) AS entries
                            FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
                            WHERE t.partner_id = :partner AND t.created_at < :until
                              AND t.created_at >= coalesce((SELECT closes FROM last) AT TIME ZONE 'UTC', '-infinity')
                            GROUP BY 1, 2
                        ), months AS (
                            SELECT generate_series(coalesce((SELECT closes FROM last) + interval '1 month',
                                                            (SELECT min(closes) FROM monthly)),
                                                   :until AT TIME ZONE 'UTC', interval '1 month') AS closes
                        ), previous AS (
                            SELECT p.currency, p.balance_minor, p.entries FROM ledger_checkpoints p
                            WHERE p.partner_id = :partner AND p.closes_at = (SELECT closes FROM last) AT TIME ZONE 'UTC'
                        ), currencies AS (
                            SELECT currency FROM monthly UNION SELECT currency FROM previous
                        )
                        INSERT INTO ledger_checkpoints (partner_id, closes_at, currency, balance_minor, entries, created_at)
                        SELECT :partner, m.closes AT TIME ZONE 'UTC', c.currency,
                               coalesce(p.balance_minor, 0) + sum(coalesce(mo.delta, 0)) OVER running,
                               coalesce(p.entries, 0) + sum(coalesce(mo.entries, 0)) OVER running, :now
                        FROM months m CROSS JOIN currencies c
                        LEFT JOIN monthly mo ON mo.closes = m.closes AND mo.currency = c.currency
                        LEFT JOIN previous p ON p.currency = c.currency
                        WINDOW running AS (PARTITION BY c.currency ORDER BY m.closes)
                        ON CONFLICT DO NOTHING""")
                .param("partner", partnerId).param("account", Accounts.payable(partnerId))
                .param("until", ts(until)).param("now", ts(now)).update();
    }

    /**
     * The partner's balance in each currency it has transactions in, from everything created before {@code before}
     * (or everything, when null): the last checkpoint at or before it, plus the balance effects of the transactions
     * after that (each proved at commit equal to what its entries do to the payable account, migration V19), read
     * from one covering index.
     */
    Map<String, Long> balances(String partnerId, Instant before) {
        Instant bound = before == null ? END_OF_TIME : before;
        Map<String, Long> balances = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH checkpoint AS (
                            SELECT max(closes_at) AS closes_at FROM ledger_checkpoints
                            WHERE partner_id = :partner AND closes_at <= :before
                        )
                        SELECT currency, sum(amount) AS balance FROM (
                            SELECT currency, balance_minor AS amount FROM ledger_checkpoints
                            WHERE partner_id = :partner AND closes_at = (SELECT closes_at FROM checkpoint)
                            UNION ALL
                            SELECT t.currency, t.balance_effect_minor FROM ledger_transactions t
                            WHERE t.partner_id = :partner AND t.created_at < :before
                              AND t.created_at >= coalesce((SELECT closes_at FROM checkpoint), '-infinity')
                        ) parts GROUP BY currency ORDER BY currency""")
                .param("partner", partnerId).param("before", ts(bound))
                .query(rs -> {
                    balances.put(rs.getString("currency"), rs.getLong("balance"));
                });
        return balances;
    }

    /**
     * Checkpoints (all of the partner's, or those closing at {@code closesAt}) that disagree with a recount of the
     * entries before them, described; empty when all agree.
     */
    List<String> disagreements(String partnerId, Instant closesAt) {
        return jdbc.sql("""
                        SELECT 'checkpoint ' || c.closes_at || ' ' || c.currency || ': kept ' || c.balance_minor || ' over '
                               || c.entries || ' entries, counted ' || coalesce(r.balance, 0) || ' over ' || coalesce(r.entries, 0)
                        FROM ledger_checkpoints c LEFT JOIN LATERAL (
                            SELECT -sum(e.amount_minor) AS balance, count(*) AS entries
                            FROM ledger_transactions t JOIN ledger_entries e ON e.transaction_id = t.id
                            WHERE t.partner_id = c.partner_id AND t.currency = c.currency AND t.created_at < c.closes_at
                              AND e.account = :account
                        ) r ON true
                        WHERE c.partner_id = :partner AND (CAST(:closes AS timestamptz) IS NULL OR c.closes_at = :closes)
                          AND (c.balance_minor <> coalesce(r.balance, 0) OR c.entries <> coalesce(r.entries, 0))
                        ORDER BY c.closes_at, c.currency""")
                .param("partner", partnerId).param("account", Accounts.payable(partnerId))
                .param("closes", closesAt == null ? null : ts(closesAt)).query(String.class).list();
    }
}
