package org.boxoffice.billing;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommissionRepository {
    private final JdbcClient jdbc;

    CommissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> rateBps(String partnerId) {
        return jdbc.sql("SELECT percent_bps FROM commission_rates WHERE partner_id = :p").param("p", partnerId)
                .query(Integer.class).optional();
    }

    void setRateBps(String partnerId, int bps) {
        jdbc.sql("""
                        INSERT INTO commission_rates (partner_id, percent_bps) VALUES (:p, :bps)
                        ON CONFLICT (partner_id) DO UPDATE SET percent_bps = excluded.percent_bps""")
                .param("p", partnerId).param("bps", bps).update();
    }
}
