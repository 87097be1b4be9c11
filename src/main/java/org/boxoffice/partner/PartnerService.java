package org.boxoffice.partner;

import java.time.Clock;
import java.time.Instant;
import org.boxoffice.shared.Ids;
import org.boxoffice.shared.Redacted;
import org.boxoffice.shared.SandboxMode;
import org.boxoffice.web.Page;
import org.boxoffice.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Provisioning of partner accounts by operators: credentials, status, payment configuration, rate limits. */
@Service
public class PartnerService {
    private final PartnerRepository partners;
    private final SecretHasher hasher;
    private final PartnerAccessCache access;
    private final Clock clock;
    private final SandboxMode sandbox;

    PartnerService(PartnerRepository partners, SecretHasher hasher, PartnerAccessCache access, Clock clock,
                   SandboxMode sandbox) {
        this.partners = partners;
        this.hasher = hasher;
        this.access = access;
        this.clock = clock;
        this.sandbox = sandbox;
    }

    /** A partner together with its plain client secret, which exists only in this answer. */
    public record WithSecret(Partner partner, String clientSecret) {
        @Override
        public String toString() {
            return "WithSecret[" + partner.id() + ", clientSecret=" + Redacted.MARK + "]";
        }

    }

    @Transactional
    public WithSecret create(String name, BillingModel model) {
        String secret = newSecret();
        Partner partner = new Partner(Ids.newId("prt"), name, model, PartnerStatus.ACTIVE, Ids.newId("cli"),
                hasher.hash(secret), 1, null, null, null, Instant.now(clock));
        partners.insert(partner, partner.createdAt());
        return new WithSecret(partner, secret);
    }

    public Partner get(String id) {
        return partners.find(id).orElseThrow(() -> new PartnerNotFound(id));
    }

    /** The partner, if it can buy: both a payout method and a card on file; {@code PAYMENT_NOT_CONFIGURED} otherwise. */
    public Partner requirePaymentConfigured(String id) {
        // The partner as authentication just loaded it: no extra query per quote and order.
        Partner partner = access.get(id).orElseThrow(() -> new PartnerNotFound(id));
        if (!partner.paymentConfigured()) {
            throw new PaymentNotConfigured();
        }
        return partner;
    }

    public java.util.List<Partner> withPayoutMethod() {
        return partners.withPayoutMethod();
    }

    /** In the caller's transaction: holds the partner's lock, so concurrent money decisions about it take turns. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void lock(String id) {
        partners.lock(id);
    }

    public Page<Partner> list(PageRequest page) {
        return new Page<>(partners.list(page.limit(), page.offset()), partners.count(), page);
    }

    public Partner suspend(String id) {
        return changeStatus(id, PartnerStatus.SUSPENDED);
    }

    public Partner reactivate(String id) {
        return changeStatus(id, PartnerStatus.ACTIVE);
    }

    public WithSecret rotateSecret(String id) {
        String secret = newSecret();
        if (!partners.updateSecret(id, hasher.hash(secret), Instant.now(clock))) {
            throw new PartnerNotFound(id);
        }
        access.forget(id);
        return new WithSecret(get(id), secret);
    }

    public Partner configurePayment(String id, PaymentMethodRef payout, PaymentMethodRef card) {
        if (!partners.updatePaymentConfiguration(id, PaymentMethods.payout(payout, sandbox.enabled()), PaymentMethods.card(card, sandbox.enabled()),
                Instant.now(clock))) {
            throw new PartnerNotFound(id);
        }
        access.forget(id);
        return get(id);
    }

    public Partner setRateLimit(String id, RateLimit limit) {
        if (!partners.updateRateLimit(id, limit, Instant.now(clock))) {
            throw new PartnerNotFound(id);
        }
        access.forget(id);
        return get(id);
    }

    private Partner changeStatus(String id, PartnerStatus status) {
        if (!partners.updateStatus(id, status, Instant.now(clock))) {
            throw new PartnerNotFound(id);
        }
        access.forget(id);
        return get(id);
    }

    private static String newSecret() {
        return "cs_" + Ids.random(43);
    }
}
