package org.boxoffice.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database is away (or overloaded) rather than a fault of ours: no connection within the
 * pool's bound, a connection the database dropped (SQL state class 08, a refused socket), a transaction that could
 * not begin or end, a row lock not granted within the sessions' bound (55P03), a statement cancelled (57014), a
 * transaction the database rolled back to break a deadlock or a serialization conflict (class 40). In each case
 * the transaction rolled back whole, so the request can simply be made again: it is answered
 * {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After}, wherever it failed.
 */
final class DatabaseOutage {
    private DatabaseOutage() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof SQLException sql && retryable(sql.getSQLState())
                    || t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static boolean retryable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("40") || sqlState.equals("55P03")
                || sqlState.equals("57014"));
    }

    static ApiException unavailable() {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry later");
    }
}
