package org.boxoffice.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A section of an event; GA sections have a single row (named {@code GA} unless the operator says otherwise). */
public record Section(String id, String eventId, String name, String displayName, boolean ga, List<Row> rows) {

    public Optional<Row> row(String rowName) {
        return rows.stream().filter(r -> r.name().equals(rowName)).findFirst();
    }

    /** The row's place, from 1, in best-first order: by rank, then by name. */
    public int place(Row row) {
        return rows.stream().sorted(Comparator.comparingInt(Row::rank).thenComparing(Row::name)).toList().indexOf(row) + 1;
    }
}
