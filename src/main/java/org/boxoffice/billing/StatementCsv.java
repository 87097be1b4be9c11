package org.boxoffice.billing;

import java.util.HashMap;
import java.util.Map;
import org.boxoffice.shared.Money;

/**
 * A statement as CSV, for spreadsheets: per currency an opening line, the transactions with the balance after each,
 * and a closing line. Amounts are decimal strings in the currency's minor digits.
 */
final class StatementCsv {
    static final String HEADER = "date,transaction_id,type,description,order_id,amount,currency,balance_effect,balance";

    private StatementCsv() {
    }

    static String write(Statement s) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        Map<String, Long> running = new HashMap<>();
        for (Statement.CurrencyBalance b : s.balances()) {
            running.put(b.currency(), b.openingMinor());
            line(csv, s.from().toString(), "", "opening_balance", "Opening balance " + s.month(), "", null,
                    b.currency(), null, b.openingMinor());
        }
        for (LedgerTransaction t : s.transactions()) {
            long balance = running.merge(t.currency(), t.balanceEffect().minor(), Long::sum);
            line(csv, t.createdAt().toString(), t.id(), t.type().wire(), t.description(),
                    t.orderId() == null ? "" : t.orderId(), t.amount().minor(), t.currency(), t.balanceEffect().minor(), balance);
        }
        for (Statement.CurrencyBalance b : s.balances()) {
            line(csv, s.to().toString(), "", "closing_balance", "Closing balance " + s.month(), "", null,
                    b.currency(), null, b.closingMinor());
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, String date, String id, String type, String description, String order,
                             Long amount, String currency, Long effect, long balance) {
        csv.append(String.join(",", date, id, type, quote(description), order, money(amount, currency), currency,
                money(effect, currency), money(balance, currency))).append('\n');
    }

    private static String money(Long minor, String currency) {
        return minor == null ? "" : Money.of(minor, currency).amount();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
