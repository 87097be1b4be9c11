package org.boxoffice.catalog;

import java.util.List;
import java.util.Optional;

/** A section of an event; GA sections have a single row (named {@code GA} unless the operator says otherwise). */
public record Section(String id, String eventId, String name, String displayName, boolean ga, List<Row> rows) {

    public Optional<Row> row(String rowName) {
        return rows.stream().filter(r -> r.name().equals(rowName)).findFirst();
    }
}
