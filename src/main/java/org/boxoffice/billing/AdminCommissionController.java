package org.boxoffice.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators set each merchant-of-record partner's commission: basis points of the ticket price of every booked item. */
@RestController
class AdminCommissionController {
    private final Commissions commissions;
    private final PartnerService partners;

    AdminCommissionController(Commissions commissions, PartnerService partners) {
        this.commissions = commissions;
        this.partners = partners;
    }

    record Commission(@NotNull @Min(0) @Max(10_000) Integer percentBps) {
    }

    @GetMapping("/admin/v1/partners/{partnerId}/commission")
    @ApiErrors({ErrorCode.NOT_FOUND})
    Commission get(@PathVariable String partnerId) {
        partners.get(partnerId);
        return new Commission(commissions.rateBps(partnerId));
    }

    @PutMapping("/admin/v1/partners/{partnerId}/commission")
    @ApiErrors({ErrorCode.NOT_FOUND})
    Commission set(@PathVariable String partnerId, @Valid @RequestBody Commission commission) {
        partners.get(partnerId);
        commissions.setRateBps(partnerId, commission.percentBps());
        return commission;
    }
}
