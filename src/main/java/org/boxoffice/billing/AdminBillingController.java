package org.boxoffice.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.boxoffice.billing.BillingViews.AdminTransactionView;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.shared.Money;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator API for a partner's ledger: every transaction with its double entry, and manual adjustments. */
@RestController
@RequestMapping("/admin/v1/partners/{partnerId}")
class AdminBillingController {
    private final Ledger ledger;
    private final PartnerService partners;

    AdminBillingController(Ledger ledger, PartnerService partners) {
        this.ledger = ledger;
        this.partners = partners;
    }

    /** A signed amount: positive credits the partner (Boxoffice owes more), negative debits it. */
    record Adjustment(@NotBlank @Pattern(regexp = "-?\\d{1,12}(\\.\\d{1,4})?") String amount,
                      @NotBlank String currency, @NotBlank @Size(max = 500) String description, String corrects) {
    }

    @GetMapping("/ledger")
    @ApiErrors({ErrorCode.NOT_FOUND})
    Page<AdminTransactionView> ledger(@PathVariable String partnerId, PageRequest page) {
        partners.get(partnerId);
        return ledger.transactions(partnerId, null, null, null, page).map(AdminTransactionView::of);
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiErrors({ErrorCode.NOT_FOUND})
    AdminTransactionView adjust(@PathVariable String partnerId, @Valid @RequestBody Adjustment request) {
        partners.get(partnerId);
        if (!Money.isCurrency(request.currency())) {
            throw ApiException.validation("currency", "currency must be an ISO 4217 code such as USD");
        }
        boolean negative = request.amount().startsWith("-");
        long minor;
        try {
            minor = Money.parse(negative ? request.amount().substring(1) : request.amount(), request.currency()).minor();
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw ApiException.validation("amount", "amount has more decimals than " + request.currency() + " allows");
        }
        if (minor == 0) {
            throw ApiException.validation("amount", "an adjustment moves money: amount must not be zero");
        }
        return AdminTransactionView.of(ledger.adjust(partnerId, Money.of(negative ? -minor : minor, request.currency()),
                request.description(), request.corrects()));
    }
}
