package org.boxoffice.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import org.boxoffice.shared.SqlTime;
import org.boxoffice.shared.WireEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SectionRepository {
    private final JdbcClient jdbc;

    SectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Section section, int position) {
        jdbc.sql("""
                        INSERT INTO sections (id, event_id, name, display_name, is_ga, position)
                        VALUES (:id, :event, :name, :display, :ga, :position)""")
                .param("id", section.id()).param("event", section.eventId()).param("name", section.name())
                .param("display", section.displayName()).param("ga", section.ga()).param("position", position).update();
        for (Row row : section.rows()) {
            jdbc.sql("""
                            INSERT INTO seat_rows (id, section_id, name, display_name, rank)
                            VALUES (:id, :section, :name, :display, :rank)""")
                    .param("id", row.id()).param("section", section.id()).param("name", row.name())
                    .param("display", row.displayName()).param("rank", row.rank()).update();
        }
    }

    int nextPosition(String eventId) {
        return jdbc.sql("SELECT coalesce(max(position) + 1, 0) FROM sections WHERE event_id = :event")
                .param("event", eventId).query(Integer.class).single();
    }

    /** What may change of an event while its seating plan stays (sections are only ever added). */
    record EventState(EventStatus status, Instant startsAt, String currency, int sectionCount) {
    }

    Optional<EventState> state(String eventId) {
        return jdbc.sql("""
                        SELECT e.status, e.starts_at, e.currency,
                               (SELECT count(*) FROM sections s WHERE s.event_id = e.id) AS section_count
                        FROM events e WHERE e.id = :event""")
                .param("event", eventId)
                .query((rs, n) -> new EventState(WireEnum.parse(EventStatus.class, rs.getString("status")).orElseThrow(),
                        SqlTime.instant(rs, "starts_at"), rs.getString("currency"), rs.getInt("section_count")))
                .optional();
    }

    /** The event's state and seating plan in one query: sections in display order, rows in rank order. */
    Optional<EventLayout> layout(String eventId) {
        record Line(EventStatus status, Instant startsAt, String currency, String sectionId, String sectionName,
                    String sectionDisplay, boolean ga, Row row) {
        }
        List<Line> lines = jdbc.sql("""
                        SELECT e.status, e.starts_at, e.currency,
                               s.id AS section_id, s.name AS section_name, s.display_name AS section_display, s.is_ga,
                               r.id AS row_id, r.name AS row_name, r.display_name AS row_display, r.rank
                        FROM events e
                        LEFT JOIN sections s ON s.event_id = e.id
                        LEFT JOIN seat_rows r ON r.section_id = s.id
                        WHERE e.id = :event ORDER BY s.position, r.rank, r.name""")
                .param("event", eventId)
                .query((rs, n) -> new Line(WireEnum.parse(EventStatus.class, rs.getString("status")).orElseThrow(),
                        SqlTime.instant(rs, "starts_at"), rs.getString("currency"), rs.getString("section_id"),
                        rs.getString("section_name"), rs.getString("section_display"), rs.getBoolean("is_ga"),
                        rs.getString("row_id") == null ? null : new Row(rs.getString("row_id"), rs.getString("section_id"),
                                rs.getString("row_name"), rs.getString("row_display"), rs.getInt("rank"))))
                .list();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Line>> bySection = new LinkedHashMap<>();
        lines.stream().filter(line -> line.sectionId() != null)
                .forEach(line -> bySection.computeIfAbsent(line.sectionId(), k -> new ArrayList<>()).add(line));
        List<Section> sections = bySection.values().stream().map(group -> {
            Line first = group.getFirst();
            List<Row> rows = group.stream().map(Line::row).filter(r -> r != null).toList();
            return new Section(first.sectionId(), eventId, first.sectionName(), first.sectionDisplay(), first.ga(), rows);
        }).toList();
        Line first = lines.getFirst();
        return Optional.of(new EventLayout(eventId, first.status(), first.startsAt(), first.currency(), sections));
    }
}
