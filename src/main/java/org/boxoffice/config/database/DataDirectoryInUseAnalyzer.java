package org.boxoffice.config.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a data directory in use into Spring Boot's short "failed to start" report: what was found, what to do. */
class DataDirectoryInUseAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUse cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
