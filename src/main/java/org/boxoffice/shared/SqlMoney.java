package org.boxoffice.shared;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Money from a minor-units column and its currency column (the schema keeps both as plain columns). */
public final class SqlMoney {
    private SqlMoney() {
    }

    /** The amount in {@code minorColumn}, in the currency of column {@code currency}. */
    public static Money money(ResultSet rs, String minorColumn) throws SQLException {
        return Money.of(rs.getLong(minorColumn), rs.getString("currency"));
    }
}
