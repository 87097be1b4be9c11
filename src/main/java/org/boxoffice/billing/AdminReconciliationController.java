package org.boxoffice.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.QueryDates;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/v1/reconciliation?from=&to=}: ledger versus providers for the UTC days given (default: the last 7). */
@RestController
class AdminReconciliationController {
    private final Reconciliation reconciliation;
    private final Clock clock;

    AdminReconciliationController(Reconciliation reconciliation, Clock clock) {
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @GetMapping("/admin/v1/reconciliation")
    Reconciliation.Report report(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate first = from == null ? today.minusDays(7) : QueryDates.date("from", from);
        LocalDate last = to == null ? today : QueryDates.date("to", to);
        if (last.isBefore(first) || first.plusDays(366).isBefore(last)) {
            throw ApiException.validation("to", "to must be on or after from, at most a year later");
        }
        return reconciliation.report(first.atStartOfDay().toInstant(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

}
