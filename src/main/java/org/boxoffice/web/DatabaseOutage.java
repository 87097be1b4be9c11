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
 * not begin or end. Such a request is
 * answered {@code 503 SERVICE_UNAVAILABLE} with {@code Retry-After}, wherever it failed.
 */
final class DatabaseOutage {
    private DatabaseOutage() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    static ApiException unavailable() {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; retry later");
    }
}
