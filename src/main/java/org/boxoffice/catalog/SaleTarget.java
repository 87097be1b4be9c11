package org.boxoffice.catalog;

import java.util.Optional;

/** Where tickets are to be held: an event on sale, one of its sections and, if named, one row. */
public record SaleTarget(EventLayout event, Section section, Optional<Row> row) {
}
