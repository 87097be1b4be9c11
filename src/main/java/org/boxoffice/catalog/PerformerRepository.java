package org.boxoffice.catalog;

import static org.boxoffice.shared.SqlTime.ts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PerformerRepository {
    private final JdbcClient jdbc;

    PerformerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Performer p, Instant now) {
        jdbc.sql("INSERT INTO performers (id, name, created_at) VALUES (:id, :name, :now)")
                .param("id", p.id()).param("name", p.name()).param("now", ts(now)).update();
    }

    Optional<Performer> find(String id) {
        return jdbc.sql("SELECT id, name FROM performers WHERE id = :id").param("id", id)
                .query((rs, n) -> new Performer(rs.getString("id"), rs.getString("name"))).optional();
    }

    List<Performer> search(String q, int limit, long offset) {
        return jdbc.sql("SELECT id, name FROM performers WHERE name ILIKE :q ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("q", q == null ? "%" : Like.contains(q)).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Performer(rs.getString("id"), rs.getString("name"))).list();
    }

    long count(String q) {
        return jdbc.sql("SELECT count(*) FROM performers WHERE name ILIKE :q")
                .param("q", q == null ? "%" : Like.contains(q)).query(Long.class).single();
    }

    long countExisting(Collection<String> ids) {
        return jdbc.sql("SELECT count(*) FROM performers WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(String[]::new)).query(Long.class).single();
    }

    /** The performers of each event, in billing order. */
    Map<String, List<Performer>> ofEvents(Collection<String> eventIds) {
        record Billing(String eventId, Performer performer) {
        }
        return jdbc.sql("""
                        SELECT ep.event_id, p.id, p.name FROM event_performers ep JOIN performers p ON p.id = ep.performer_id
                        WHERE ep.event_id = ANY(:ids) ORDER BY ep.event_id, ep.position""")
                .param("ids", eventIds.toArray(String[]::new))
                .query((rs, n) -> new Billing(rs.getString("event_id"), new Performer(rs.getString("id"), rs.getString("name"))))
                .list().stream()
                .collect(Collectors.groupingBy(Billing::eventId, Collectors.mapping(Billing::performer, Collectors.toList())));
    }

    void link(String eventId, List<String> performerIds) {
        for (int i = 0; i < performerIds.size(); i++) {
            jdbc.sql("INSERT INTO event_performers (event_id, performer_id, position) VALUES (:event, :performer, :position)")
                    .param("event", eventId).param("performer", performerIds.get(i)).param("position", i).update();
        }
    }
}
