package org.boxoffice.catalog;

import static org.boxoffice.shared.SqlTime.instant;
import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.boxoffice.shared.WireEnum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class EventRepository {
    private static final String SELECT = """
            SELECT e.id, e.name, e.starts_at, e.timezone, e.status, e.currency,
                   v.id AS venue_id, v.name AS venue_name, v.city, v.state, v.country, v.timezone AS venue_timezone
            FROM events e JOIN venues v ON v.id = e.venue_id""";
    // Local dates differ from UTC dates by at most 14 hours: this coarse UTC window lets the starts_at index work.
    private static final long MAX_OFFSET_HOURS = 15;
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
                        INSERT INTO events (id, name, venue_id, starts_at, timezone, status, currency, created_at)
                        VALUES (:id, :name, :venue, :startsAt, :timezone, :status, :currency, :now)""")
                .param("id", e.id()).param("name", e.name()).param("venue", e.venue().id())
                .param("startsAt", ts(e.startsAt())).param("timezone", e.timezone()).param("status", e.status().wire())
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

    /** One scan gives the page and, through a window count, the total; only a page past the end needs a count. */
    Found search(EventSearch search, int limit, long offset) {
        Where where = where(search);
        JdbcClient.StatementSpec spec = jdbc.sql(SELECT.replace("SELECT ", "SELECT count(*) OVER () AS total, ") + where.sql
                        + " ORDER BY e.starts_at, e.id LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset);
        where.params.forEach(spec::param);
        long[] total = {-1};
        List<EventRow> rows = spec.query((rs, n) -> {
            total[0] = rs.getLong("total");
            return map(rs, n);
        }).list();
        return new Found(rows, total[0] >= 0 ? total[0] : count(search));
    }

    private long count(EventSearch search) {
        Where where = where(search);
        JdbcClient.StatementSpec spec = jdbc.sql("SELECT count(*) FROM events e JOIN venues v ON v.id = e.venue_id" + where.sql);
        where.params.forEach(spec::param);
        return spec.query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(EventSearch s) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (s.q() != null) {
            clauses.add("e.name ILIKE :q");
            params.put("q", Like.contains(s.q()));
        }
        if (s.venueId() != null) {
            clauses.add("e.venue_id = :venueId");
            params.put("venueId", s.venueId());
        }
        if (s.venueName() != null) {
            clauses.add("v.name ILIKE :venueName");
            params.put("venueName", Like.contains(s.venueName()));
        }
        if (s.performerId() != null) {
            clauses.add("EXISTS (SELECT 1 FROM event_performers ep WHERE ep.event_id = e.id AND ep.performer_id = :performerId)");
            params.put("performerId", s.performerId());
        }
        if (s.performerName() != null) {
            clauses.add("""
                    EXISTS (SELECT 1 FROM event_performers ep JOIN performers p ON p.id = ep.performer_id
                            WHERE ep.event_id = e.id AND p.name ILIKE :performerName)""");
            params.put("performerName", Like.contains(s.performerName()));
        }
        if (s.status() != null) {
            clauses.add("e.status = :status");
            params.put("status", s.status().wire());
        }
        if (s.dateFrom() != null) {
            clauses.add("e.starts_at >= :fromCoarse AND (e.starts_at AT TIME ZONE e.timezone)::date >= :dateFrom");
            params.put("fromCoarse", ts(startOf(s.dateFrom()).minusSeconds(MAX_OFFSET_HOURS * 3600)));
            params.put("dateFrom", s.dateFrom());
        }
        if (s.dateTo() != null) {
            clauses.add("e.starts_at < :toCoarse AND (e.starts_at AT TIME ZONE e.timezone)::date <= :dateTo");
            params.put("toCoarse", ts(startOf(s.dateTo().plusDays(1)).plusSeconds(MAX_OFFSET_HOURS * 3600)));
            params.put("dateTo", s.dateTo());
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static EventRow map(ResultSet rs, int row) throws SQLException {
        Venue venue = new Venue(rs.getString("venue_id"), rs.getString("venue_name"), rs.getString("city"),
                rs.getString("state"), rs.getString("country"), rs.getString("venue_timezone"));
        return new EventRow(rs.getString("id"), rs.getString("name"), venue, instant(rs, "starts_at"),
                rs.getString("timezone"), WireEnum.parse(EventStatus.class, rs.getString("status")).orElseThrow(),
                rs.getString("currency"));
    }
}
