package org.boxoffice.catalog;

import java.util.Collection;
import java.util.Map;

/**
 * How many tickets each event has available now and from what price. Implemented by {@code inventory}, the
 * only owner of tickets; declared here so the catalogue can show it without depending on inventory.
 */
public interface AvailabilitySummaries {

    record Summary(long available, Long minPriceMinor) {
        public static final Summary NONE = new Summary(0, null);
    }

    Map<String, Summary> forEvents(Collection<String> eventIds);
}
