package org.boxoffice.voucher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.catalog.Event;
import org.boxoffice.shared.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vouchers: one PDF per booked basket item or per order, with a QR code per ticket. A voucher is reached by an
 * unguessable token (128 random bits) in its URL, without a partner token, until a day after the event starts.
 */
@Service
public class VoucherService {
    /** How long after the event's start its vouchers still open (late arrivals, multi-hour events). */
    static final Duration VALID_AFTER_START = Duration.ofDays(1);
    private final VoucherRepository vouchers;
    private final CatalogService catalog;
    private final Clock clock;
    private final String publicUrl;

    VoucherService(VoucherRepository vouchers, CatalogService catalog, Clock clock,
                   @Value("${boxoffice.public-url}") String publicUrl) {
        this.vouchers = vouchers;
        this.catalog = catalog;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A new barcode: "BX" and 18 random base-62 characters (about 107 bits), unique across all tickets. */
    public static String newBarcode() {
        return "BX" + Ids.random(18).toUpperCase();
    }

    /** Issues the owner's voucher in the caller's transaction; issuing twice keeps the first. Returns its URL. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String issue(String ownerId, String eventId, java.util.List<VoucherTicket> tickets) {
        Event event = catalog.eventOnly(eventId);
        Voucher voucher = new Voucher("vch_" + Ids.random(22), ownerId, eventId,
                event.startsAt().plus(VALID_AFTER_START), tickets);
        return url(vouchers.insert(voucher, Instant.now(clock)));
    }

    /** The voucher URL of each owner that has one. */
    public Map<String, String> urls(Collection<String> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Map.of();
        }
        return vouchers.tokens(ownerIds).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> url(e.getValue())));
    }

    /** The PDF, while the voucher is valid; empty for an unknown token or a past event. */
    public Optional<byte[]> document(String token) {
        return vouchers.find(token).filter(v -> Instant.now(clock).isBefore(v.validUntil()))
                .map(v -> VoucherPdf.render(catalog.eventOnly(v.eventId()), v));
    }

    private String url(String token) {
        return publicUrl + "/vouchers/" + token + ".pdf";
    }
}
