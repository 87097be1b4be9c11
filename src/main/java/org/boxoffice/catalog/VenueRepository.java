package org.boxoffice.catalog;

import static org.boxoffice.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class VenueRepository {
    private final JdbcClient jdbc;

    VenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Venue v, Instant now) {
        jdbc.sql("""
                        INSERT INTO venues (id, name, city, state, country, timezone, created_at)
                        VALUES (:id, :name, :city, :state, :country, :timezone, :now)""")
                .param("id", v.id()).param("name", v.name()).param("city", v.city()).param("state", v.state())
                .param("country", v.country()).param("timezone", v.timezone()).param("now", ts(now)).update();
    }

    Optional<Venue> find(String id) {
        return jdbc.sql("SELECT * FROM venues WHERE id = :id").param("id", id).query(VenueRepository::map).optional();
    }

    List<Venue> search(String q, int limit, long offset) {
        return jdbc.sql("SELECT * FROM venues WHERE name ILIKE :q ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("q", pattern(q)).param("limit", limit).param("offset", offset)
                .query(VenueRepository::map).list();
    }

    long count(String q) {
        return jdbc.sql("SELECT count(*) FROM venues WHERE name ILIKE :q").param("q", pattern(q)).query(Long.class).single();
    }

    private static String pattern(String q) {
        return q == null ? "%" : Like.contains(q);
    }

    static Venue map(ResultSet rs, int row) throws SQLException {
        return new Venue(rs.getString("id"), rs.getString("name"), rs.getString("city"), rs.getString("state"),
                rs.getString("country"), rs.getString("timezone"));
    }
}
