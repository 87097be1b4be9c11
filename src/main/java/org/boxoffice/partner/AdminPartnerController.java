package org.boxoffice.partner;

import io.swagger.v3.oas.annotations.media.Schema;
import org.boxoffice.shared.Redacted;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.ApiErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.boxoffice.shared.WireEnum;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator API for partner accounts (API.md §9). */
@RestController
@RequestMapping("/admin/v1/partners")
class AdminPartnerController {
    private final PartnerService partners;
    private final RateLimits limits;

    AdminPartnerController(PartnerService partners, RateLimits limits) {
        this.partners = partners;
        this.limits = limits;
    }

    record CreatePartner(@NotBlank @Size(max = 200) String name, 
                         @NotBlank @Schema(implementation = BillingModel.class) String billingModel) {
    }

    record Created(String partnerId, String name, BillingModel billingModel, PartnerStatus status, String clientId,
                   String clientSecret) {
        @Override
        public String toString() {
            return "Created[partnerId=" + partnerId + ", clientId=" + clientId + ", clientSecret=" + Redacted.MARK + "]";
        }
    }

    record Credentials(String clientId, String clientSecret) {
        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", clientSecret=" + Redacted.MARK + "]";
        }
    }

    record PartnerView(String partnerId, String name, BillingModel billingModel, PartnerStatus status, String clientId,
                       PaymentConfigurationView paymentConfiguration, RateLimit rateLimit, Instant createdAt) {
    }

    record PaymentConfiguration(PaymentMethodRef payoutMethod, PaymentMethodRef cardOnFile) {
    }

    record RateLimitRequest(@NotNull @Min(1) @Max(100_000) Integer requestsPerSecond,
                            @NotNull @Min(1) @Max(1_000_000) Integer burst) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Created create(@Valid @RequestBody CreatePartner request) {
        BillingModel model = WireEnum.parse(BillingModel.class, request.billingModel()).orElseThrow(() ->
                ApiException.validation("billing_model", "billing_model must be one of " + WireEnum.allowed(BillingModel.class)));
        PartnerService.WithSecret created = partners.create(request.name().trim(), model);
        Partner p = created.partner();
        return new Created(p.id(), p.name(), p.billingModel(), p.status(), p.clientId(), created.clientSecret());
    }

    @GetMapping
    Page<PartnerView> list(PageRequest page) {
        return partners.list(page).map(this::view);
    }

    @ApiErrors({ErrorCode.NOT_FOUND})
    @GetMapping("/{partnerId}")
    PartnerView get(@PathVariable String partnerId) {
        return view(partners.get(partnerId));
    }

    @ApiErrors({ErrorCode.NOT_FOUND})
    @PostMapping("/{partnerId}/suspend")
    PartnerView suspend(@PathVariable String partnerId) {
        return view(partners.suspend(partnerId));
    }

    @ApiErrors({ErrorCode.NOT_FOUND})
    @PostMapping("/{partnerId}/reactivate")
    PartnerView reactivate(@PathVariable String partnerId) {
        return view(partners.reactivate(partnerId));
    }

    @ApiErrors({ErrorCode.NOT_FOUND})
    @PostMapping("/{partnerId}/rotate-secret")
    Credentials rotate(@PathVariable String partnerId) {
        PartnerService.WithSecret rotated = partners.rotateSecret(partnerId);
        return new Credentials(rotated.partner().clientId(), rotated.clientSecret());
    }

    @ApiErrors({ErrorCode.NOT_FOUND})
    @PutMapping("/{partnerId}/payment-configuration")
    PartnerView configurePayment(@PathVariable String partnerId, @RequestBody PaymentConfiguration request) {
        return view(partners.configurePayment(partnerId, request.payoutMethod(), request.cardOnFile()));
    }

    @ApiErrors({ErrorCode.NOT_FOUND})
    @PutMapping("/{partnerId}/rate-limit")
    PartnerView rateLimit(@PathVariable String partnerId, @Valid @RequestBody RateLimitRequest request) {
        return view(partners.setRateLimit(partnerId, new RateLimit(request.requestsPerSecond(), request.burst())));
    }

    private PartnerView view(Partner p) {
        return new PartnerView(p.id(), p.name(), p.billingModel(), p.status(), p.clientId(),
                PaymentConfigurationView.of(p), limits.of(p), p.createdAt());
    }
}
