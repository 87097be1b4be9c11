package org.boxoffice.inventory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jakarta.annotation.Nullable;
import org.boxoffice.catalog.AvailabilitySummaries;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.EventLayout;
import org.boxoffice.catalog.Row;
import org.boxoffice.catalog.Section;
import org.boxoffice.catalog.SectionPlan;
import org.springframework.stereotype.Service;

/** Live availability, exact at the moment of the call: holds and sales count at once, expired holds are free. */
@Service
public class AvailabilityService implements AvailabilitySummaries {
    private final CatalogService catalog;
    private final StockRepository stock;
    private final Clock clock;

    AvailabilityService(CatalogService catalog, StockRepository stock, Clock clock) {
        this.catalog = catalog;
        this.stock = stock;
        this.clock = clock;
    }

    public record SectionAvailability(Section section, long available, long minPriceMinor, String currency) {
    }

    public record RowAvailability(Row row, long available, long maxContiguous, long minPriceMinor, String currency,
                                  List<String> deliveryTypes) {
    }

    @Override
    public Map<String, Summary> forEvents(Collection<String> eventIds) {
        return eventIds.isEmpty() ? Map.of() : stock.summaries(eventIds, Instant.now(clock));
    }

    /** Sections of the event that have at least one ticket available, in the operator's order. */
    public List<SectionAvailability> sections(String eventId) {
        EventLayout layout = catalog.layout(eventId);
        String currency = layout.currency();
        List<Section> sections = layout.sections();
        Map<String, List<StockRepository.StockLine>> bySection = stock.lines(eventId, Instant.now(clock))
                .stream().collect(Collectors.groupingBy(StockRepository.StockLine::sectionId));
        return sections.stream().filter(s -> bySection.containsKey(s.id())).map(s -> {
            List<StockRepository.StockLine> lines = bySection.get(s.id());
            return new SectionAvailability(s, lines.stream().mapToLong(StockRepository.StockLine::available).sum(),
                    lines.stream().mapToLong(StockRepository.StockLine::priceMinor).min().orElse(0), currency);
        }).toList();
    }

    /** Rows of one section that have at least one ticket available, best rank first. */
    public List<RowAvailability> rows(String eventId, String sectionName) {
        return rowsChangedSince(eventId, sectionName, null).rows();
    }

    /**
     * The section's rows as {@link #rows}, with the tag of the stock lines they come from and whether they stay what
     * they are until those lines change ({@code lasting}: no hold in the section has expired). {@code rows} is
     * null when the lines are still the ones tagged {@code known} and lasting: what was answered then is the answer.
     */
    public record SectionRows(String tag, boolean lasting, @Nullable List<RowAvailability> rows) {
    }

    public SectionRows rowsChangedSince(String eventId, String sectionName, @Nullable String known) {
        SectionPlan plan = catalog.sectionPlan(eventId, sectionName);
        Section section = plan.section();
        StockRepository.SectionLines lines = stock.sectionLines(eventId, section.id(), Instant.now(clock), known);
        if (lines.lines() == null) {
            return new SectionRows(lines.tag(), lines.lasting(), null);
        }
        Map<String, Row> rows = section.rows().stream().collect(Collectors.toMap(Row::id, Function.identity()));
        return new SectionRows(lines.tag(), lines.lasting(), RowStock.of(lines.lines(), section.ga()).stream()
                .map(a -> new RowAvailability(rows.get(a.rowId()), a.available(), a.maxContiguous(), a.minPriceMinor(),
                        plan.currency(), a.deliveryTypes()))
                .sorted(Comparator.comparingInt((RowAvailability r) -> r.row().rank()).thenComparing(r -> r.row().name()))
                .toList());
    }
}
