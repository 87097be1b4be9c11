package org.boxoffice.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The sections of an event in display order, each with its rows in rank order. */
    List<Section> ofEvent(String eventId) {
        record Line(String sectionId, String sectionName, String sectionDisplay, boolean ga, Row row) {
        }
        List<Line> lines = jdbc.sql("""
                        SELECT s.id AS section_id, s.name AS section_name, s.display_name AS section_display, s.is_ga,
                               r.id AS row_id, r.name AS row_name, r.display_name AS row_display, r.rank
                        FROM sections s LEFT JOIN seat_rows r ON r.section_id = s.id
                        WHERE s.event_id = :event ORDER BY s.position, r.rank, r.name""")
                .param("event", eventId)
                .query((rs, n) -> new Line(rs.getString("section_id"), rs.getString("section_name"),
                        rs.getString("section_display"), rs.getBoolean("is_ga"),
                        rs.getString("row_id") == null ? null : new Row(rs.getString("row_id"), rs.getString("section_id"),
                                rs.getString("row_name"), rs.getString("row_display"), rs.getInt("rank"))))
                .list();
        Map<String, List<Line>> bySection = new LinkedHashMap<>();
        lines.forEach(line -> bySection.computeIfAbsent(line.sectionId(), k -> new ArrayList<>()).add(line));
        return bySection.values().stream().map(group -> {
            Line first = group.getFirst();
            List<Row> rows = group.stream().map(Line::row).filter(r -> r != null).toList();
            return new Section(first.sectionId(), eventId, first.sectionName(), first.sectionDisplay(), first.ga(), rows);
        }).toList();
    }
}
