package org.boxoffice.catalog;

import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.boxoffice.shared.SqlFilter;
import org.boxoffice.shared.WireEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EventRepository {
    private static final String SELECT = """
            SELECT e.id, e.name, e.starts_at, e.timezone, e.status, e.currency,
                   v.id AS venue_id, v.name AS venue_name, v.city, v.state, v.country, v.timezone AS venue_timezone
            FROM events e JOIN venues v ON v.id = e.venue_id""";
    private final JdbcClient jdbc;

    EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of an event before its performers are attached. */
    record EventRow(String id, String name, Venue venue, Instant startsAt, String timezone, EventStatus status,
                    String currency) {
    }

    void insert(EventRow e, Instant now) {
        jdbc.sql("""
                        INSERT INTO events (id, name, venue_id, starts_at, starts_local, timezone, status, currency, created_at)
                        VALUES (:id, :name, :venue, :startsAt, :startsLocal, :timezone, :status, :currency, :now)""")
                .param("id", e.id()).param("name", e.name()).param("venue", e.venue().id())
                .param("startsAt", ts(e.startsAt()))
                .param("startsLocal", java.time.LocalDateTime.ofInstant(e.startsAt(), java.time.ZoneId.of(e.timezone())))
                .param("timezone", e.timezone()).param("status", e.status().wire())
                .param("currency", e.currency()).param("now", ts(now)).update();
    }

    Optional<EventRow> find(String id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(EventRepository::map).optional();
    }

    boolean updateStatus(String id, EventStatus status) {
        return jdbc.sql("UPDATE events SET status = :status WHERE id = :id")
                .param("id", id).param("status", status.wire()).update() == 1;
    }

    /** A page of matches and the number of all matches. */
    record Found(List<EventRow> rows, long total) {
    }

    /**
     * The page walks the start-time index and stops after {@code limit} matches; the total is a separate narrow
     * count (measured faster than one query with a window count, which must build every matching row in full).
     */
    Found search(EventSearch search, int limit, long offset) {
        SqlFilter where = where(search);
        List<EventRow> rows = where.bind(jdbc.sql(SELECT + where.sql() + " ORDER BY e.starts_at, e.id LIMIT :limit OFFSET :offset"))
                .param("limit", limit).param("offset", offset).query(EventRepository::map).list();
        boolean lastPage = rows.size() < limit && (!rows.isEmpty() || offset == 0);
        return new Found(rows, lastPage ? offset + rows.size() : count(search));
    }

    private long count(EventSearch search) {
        SqlFilter where = where(search);
        String from = search.venueName() == null ? "events e" : "events e JOIN venues v ON v.id = e.venue_id";
        return where.bind(jdbc.sql("SELECT count(*) FROM " + from + where.sql())).query(Long.class).single();
    }

    private static SqlFilter where(EventSearch s) {
        return new SqlFilter()
                .and("e.name ILIKE :q", "q", s.q() == null ? null : Like.contains(s.q()))
                .and("e.venue_id = :venueId", "venueId", s.venueId())
                .and("v.name ILIKE :venueName", "venueName", s.venueName() == null ? null : Like.contains(s.venueName()))
                .and("EXISTS (SELECT 1 FROM event_performers ep WHERE ep.event_id = e.id AND ep.performer_id = :performerId)",
                        "performerId", s.performerId())
                .and("""
                        EXISTS (SELECT 1 FROM event_performers ep JOIN performers p ON p.id = ep.performer_id
                                WHERE ep.event_id = e.id AND p.name ILIKE :performerName)""",
                        "performerName", s.performerName() == null ? null : Like.contains(s.performerName()))
                .and("e.status = :status", "status", s.status() == null ? null : s.status().wire())
                .and("e.starts_local >= :dateFrom", "dateFrom", s.dateFrom() == null ? null : s.dateFrom().atStartOfDay())
                .and("e.starts_local < :dateToExclusive", "dateToExclusive",
                        s.dateTo() == null ? null : s.dateTo().plusDays(1).atStartOfDay());
    }

    private static EventRow map(ResultSet rs, int row) throws SQLException {
        Venue venue = new Venue(rs.getString("venue_id"), rs.getString("venue_name"), rs.getString("city"),
                rs.getString("state"), rs.getString("country"), rs.getString("venue_timezone"));
        return new EventRow(rs.getString("id"), rs.getString("name"), venue, instant(rs, "starts_at"),
                rs.getString("timezone"), WireEnum.parse(EventStatus.class, rs.getString("status")).orElseThrow(),
                rs.getString("currency"));
    }
}
