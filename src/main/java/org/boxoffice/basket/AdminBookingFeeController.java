package org.boxoffice.basket;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/v1/partners/{id}/booking-fee}: a partner's basket booking fee (minor units of the item's currency). */
@RestController
class AdminBookingFeeController {
    private final BasketService baskets;
    private final PartnerService partners;

    AdminBookingFeeController(BasketService baskets, PartnerService partners) {
        this.baskets = baskets;
        this.partners = partners;
    }

    record Fee(@NotNull @Min(0) @Max(1_000_000) Long fixedMinor, @NotNull @Min(0) @Max(10_000) Integer percentBps,
               @NotNull @Min(0) @Max(1_000_000) Long minMinor, @Min(0) @Max(100_000_000) Long maxMinor) {
    }

    @GetMapping("/admin/v1/partners/{partnerId}/booking-fee")
    @ApiErrors({ErrorCode.NOT_FOUND})
    BookingFee get(@PathVariable String partnerId) {
        partners.get(partnerId);
        return baskets.bookingFee(partnerId);
    }

    @PutMapping("/admin/v1/partners/{partnerId}/booking-fee")
    @ApiErrors({ErrorCode.NOT_FOUND})
    BookingFee set(@PathVariable String partnerId, @Valid @RequestBody Fee fee) {
        partners.get(partnerId);
        if (fee.maxMinor() != null && fee.maxMinor() < fee.minMinor()) {
            throw ApiException.validation("max_minor", "max_minor must not be below min_minor");
        }
        BookingFee set = new BookingFee(fee.fixedMinor(), fee.percentBps(), fee.minMinor(), fee.maxMinor());
        baskets.setBookingFee(partnerId, set);
        return set;
    }
}
