package org.boxoffice.billing;

import static org.boxoffice.shared.SqlMoney.money;
import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.boxoffice.shared.SqlFilter;
import org.boxoffice.shared.WireEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LedgerRepository {
    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(String partnerId, TransactionType type, Instant from, Instant before) {
    }

    /** Inserts the transaction and its entries; false (nothing written) if its business event was already posted. */
    boolean insert(LedgerTransaction t) {
        boolean fresh = !jdbc.sql("""
                        INSERT INTO ledger_transactions (id, partner_id, type, amount_minor, balance_effect_minor, currency,
                                                         order_id, reference, description, corrects, created_at)
                        VALUES (:id, :partner, :type, :amount, :effect, :currency, :order, :reference, :description,
                                :corrects, :created)
                        ON CONFLICT (type, reference) WHERE reference IS NOT NULL DO NOTHING
                        RETURNING id""")
                .param("id", t.id()).param("partner", t.partnerId()).param("type", t.type().wire())
                .param("amount", t.amount().minor()).param("effect", t.balanceEffect().minor()).param("currency", t.currency())
                .param("order", t.orderId()).param("reference", t.reference()).param("description", t.description())
                .param("corrects", t.corrects()).param("created", ts(t.createdAt()))
                .query(String.class).list().isEmpty();
        if (fresh) {
            jdbc.sql("""
                            INSERT INTO ledger_entries (transaction_id, line, account, amount_minor, currency)
                            SELECT :txn, e.line, e.account, e.amount, :currency
                            FROM unnest(CAST(:accounts AS text[]), CAST(:amounts AS bigint[])) WITH ORDINALITY
                                 AS e (account, amount, line)""")
                    .param("txn", t.id()).param("currency", t.currency())
                    .param("accounts", t.entries().stream().map(LedgerTransaction.Entry::account).toArray(String[]::new))
                    .param("amounts", t.entries().stream().map(LedgerTransaction.Entry::amountMinor).toArray(Long[]::new))
                    .update();
        }
        return fresh;
    }

    java.util.Optional<LedgerTransaction> findByEvent(TransactionType type, String reference) {
        return jdbc.sql("SELECT * FROM ledger_transactions WHERE type = :type AND reference = :reference")
                .param("type", type.wire()).param("reference", reference).query(LedgerRepository::map).optional();
    }

    java.util.Optional<LedgerTransaction> find(String id) {
        return withEntries(jdbc.sql("SELECT * FROM ledger_transactions WHERE id = :id").param("id", id)
                .query(LedgerRepository::map).list()).stream().findFirst();
    }

    List<LedgerTransaction> list(Filter filter, int limit, long offset) {
        SqlFilter where = where(filter);
        return withEntries(where.bind(jdbc.sql("SELECT * FROM ledger_transactions" + where.sql()
                        + " ORDER BY created_at DESC, seq DESC LIMIT :limit OFFSET :offset"))
                .param("limit", limit).param("offset", offset).query(LedgerRepository::map).list());
    }

    long count(Filter filter) {
        SqlFilter where = where(filter);
        return where.bind(jdbc.sql("SELECT count(*) FROM ledger_transactions" + where.sql())).query(Long.class).single();
    }

    /** Every transaction of the partner in [from, before), oldest first. */
    List<LedgerTransaction> between(String partnerId, Instant from, Instant before) {
        return withEntries(jdbc.sql("""
                        SELECT * FROM ledger_transactions
                        WHERE partner_id = :partner AND created_at >= :from AND created_at < :before
                        ORDER BY created_at, seq""")
                .param("partner", partnerId).param("from", ts(from)).param("before", ts(before))
                .query(LedgerRepository::map).list());
    }

    private List<LedgerTransaction> withEntries(List<LedgerTransaction> transactions) {
        if (transactions.isEmpty()) {
            return transactions;
        }
        record Line(String txn, LedgerTransaction.Entry entry) {
        }
        Map<String, List<LedgerTransaction.Entry>> entries = jdbc.sql("""
                        SELECT transaction_id, account, amount_minor FROM ledger_entries
                        WHERE transaction_id = ANY(:ids) ORDER BY transaction_id, line""")
                .param("ids", transactions.stream().map(LedgerTransaction::id).toArray(String[]::new))
                .query((rs, n) -> new Line(rs.getString("transaction_id"),
                        new LedgerTransaction.Entry(rs.getString("account"), rs.getLong("amount_minor"))))
                .list().stream().collect(Collectors.groupingBy(Line::txn,
                        Collectors.mapping(Line::entry, Collectors.toList())));
        return transactions.stream().map(t -> new LedgerTransaction(t.id(), t.seq(), t.partnerId(), t.type(),
                t.amount(), t.balanceEffect(), t.orderId(), t.reference(), t.description(),
                t.corrects(), t.createdAt(), entries.getOrDefault(t.id(), List.of()))).toList();
    }

    private static SqlFilter where(Filter f) {
        return new SqlFilter()
                .and("partner_id = :partner", "partner", f.partnerId())
                .and("type = :type", "type", f.type() == null ? null : f.type().wire())
                .and("created_at >= :from", "from", ts(f.from()))
                .and("created_at < :before", "before", ts(f.before()));
    }

    private static LedgerTransaction map(ResultSet rs, int n) throws SQLException {
        return new LedgerTransaction(rs.getString("id"), rs.getLong("seq"), rs.getString("partner_id"),
                WireEnum.parse(TransactionType.class, rs.getString("type")).orElseThrow(), money(rs, "amount_minor"),
                money(rs, "balance_effect_minor"), rs.getString("order_id"),
                rs.getString("reference"), rs.getString("description"), rs.getString("corrects"),
                instant(rs, "created_at"), List.of());
    }
}
