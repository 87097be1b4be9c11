package org.boxoffice.voucher;

import static org.boxoffice.shared.SqlTime.instant;
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
class VoucherRepository {
    private final JdbcClient jdbc;

    VoucherRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the voucher unless its owner has one already; returns the owner's token either way. */
    String insert(Voucher v, Instant now) {
        int inserted = jdbc.sql("""
                        INSERT INTO vouchers (token, owner_id, event_id, valid_until, created_at)
                        VALUES (:token, :owner, :event, :until, :now) ON CONFLICT (owner_id) DO NOTHING""")
                .param("token", v.token()).param("owner", v.ownerId()).param("event", v.eventId())
                .param("until", ts(v.validUntil())).param("now", ts(now)).update();
        if (inserted == 0) {
            return tokens(List.of(v.ownerId())).get(v.ownerId());
        }
        for (int i = 0; i < v.tickets().size(); i++) {
            VoucherTicket t = v.tickets().get(i);
            jdbc.sql("""
                            INSERT INTO voucher_tickets (token, position, ticket_id, section_name, row_name, seat, barcode)
                            VALUES (:token, :position, :ticket, :section, :row, :seat, :barcode)""")
                    .param("token", v.token()).param("position", i).param("ticket", t.ticketId())
                    .param("section", t.sectionName()).param("row", t.rowName()).param("seat", t.seat())
                    .param("barcode", t.barcode()).update();
        }
        return v.token();
    }

    Map<String, String> tokens(Collection<String> ownerIds) {
        return jdbc.sql("SELECT owner_id, token FROM vouchers WHERE owner_id = ANY(:owners)")
                .param("owners", ownerIds.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("owner_id"), rs.getString("token"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Optional<Voucher> find(String token) {
        List<VoucherTicket> tickets = jdbc.sql("""
                        SELECT ticket_id, section_name, row_name, seat, barcode FROM voucher_tickets
                        WHERE token = :token ORDER BY position""")
                .param("token", token).query((rs, n) -> new VoucherTicket(rs.getString("ticket_id"),
                        rs.getString("section_name"), rs.getString("row_name"), rs.getString("seat"),
                        rs.getString("barcode"))).list();
        return jdbc.sql("SELECT token, owner_id, event_id, valid_until FROM vouchers WHERE token = :token")
                .param("token", token).query((rs, n) -> new Voucher(rs.getString("token"), rs.getString("owner_id"),
                        rs.getString("event_id"), instant(rs, "valid_until"), tickets)).optional();
    }
}
