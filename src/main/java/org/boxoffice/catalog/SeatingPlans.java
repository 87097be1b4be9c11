package org.boxoffice.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Event layouts with their seating plans remembered by the node. An on-sale reads the same plan (a hot section has
 * hundreds of rows) on every quote and availability read, and plans only ever grow: sections and rows are never
 * changed or removed, only sections added. So each read fetches the event's live state (status, start, currency)
 * and its number of sections in one primary-key lookup, and reuses the remembered plan while that number is the
 * same: exact on every call, on any number of nodes.
 */
@Component
class SeatingPlans {
    private final SectionRepository sections;
    private final Cache<String, EventLayout> plans =
            Caffeine.newBuilder().maximumSize(2_000).expireAfterAccess(Duration.ofMinutes(30)).build();

    SeatingPlans(SectionRepository sections) {
        this.sections = sections;
    }

    Optional<EventLayout> layout(String eventId) {
        EventLayout known = plans.getIfPresent(eventId);
        if (known == null) {
            return load(eventId);
        }
        return sections.state(eventId).flatMap(state -> state.sectionCount() == known.sections().size()
                ? Optional.of(new EventLayout(eventId, state.status(), state.startsAt(), state.currency(), known.sections()))
                : load(eventId));
    }

    /**
     * The named section with its event's currency. Neither changes once made (a section's rows are fixed with it, an
     * event keeps its currency and is never removed), so a plan this node holds with that section answers without
     * asking the database; a section it does not know yet has it read the event again.
     */
    Optional<SectionPlan> section(String eventId, String sectionName) {
        EventLayout known = plans.getIfPresent(eventId);
        Optional<Section> section = known == null ? Optional.empty() : known.section(sectionName);
        if (section.isPresent()) {
            return Optional.of(new SectionPlan(known.currency(), section.get()));
        }
        return layout(eventId).map(l -> new SectionPlan(l.currency(), l.requireSection(sectionName)));
    }

    private Optional<EventLayout> load(String eventId) {
        Optional<EventLayout> layout = sections.layout(eventId);
        layout.ifPresent(l -> plans.put(eventId, l));
        return layout;
    }
}
