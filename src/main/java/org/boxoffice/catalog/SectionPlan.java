package org.boxoffice.catalog;

/** What reading a section's availability needs of its event: the event's currency and the section's seating plan. */
public record SectionPlan(String currency, Section section) {
}
