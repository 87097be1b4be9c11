package org.boxoffice.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.boxoffice.billing.BillingViews.BalanceView;
import org.boxoffice.billing.BillingViews.StatementView;
import org.boxoffice.billing.BillingViews.TransactionView;
import org.boxoffice.partner.CallingPartner;
import org.boxoffice.partner.RequiresScope;
import org.boxoffice.partner.Scope;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.boxoffice.web.QueryDates;
import org.boxoffice.web.RawBody;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/billing} (API.md §8): the partner's ledger, balance and monthly statements. */
@RestController
@RequiresScope(Scope.BILLING_READ)
class BillingController {
    static final String CSV = "text/csv";
    private final Ledger ledger;
    private final Clock clock;

    BillingController(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @GetMapping("/v1/billing/transactions")
    Page<TransactionView> transactions(CallingPartner caller, @RequestParam(required = false) TransactionType type,
                                       @RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to, PageRequest page) {
        return ledger.transactions(caller.partnerId(), type, QueryDates.bound("from", from, false),
                QueryDates.bound("to", to, true), page)
                .map(TransactionView::of);
    }

    @GetMapping("/v1/billing/balance")
    BalanceView balance(CallingPartner caller) {
        return BalanceView.of(ledger.balances(caller.partnerId()), Instant.now(clock));
    }

    @GetMapping(path = "/v1/billing/statements/{month}", produces = MediaType.APPLICATION_JSON_VALUE)
    StatementView statement(CallingPartner caller, @PathVariable String month) {
        return StatementView.of(ledger.statement(caller.partnerId(), month(month)));
    }

    @RawBody
    @GetMapping(path = "/v1/billing/statements/{month}", produces = CSV)
    ResponseEntity<String> statementCsv(CallingPartner caller, @PathVariable String month) {
        YearMonth period = month(month);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + period + ".csv\"")
                .body(StatementCsv.write(ledger.statement(caller.partnerId(), period)));
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.validation("month", "the statement month is YYYY-MM");
        }
    }
}
