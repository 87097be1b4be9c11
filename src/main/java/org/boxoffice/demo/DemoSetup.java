package org.boxoffice.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.boxoffice.basket.BasketService;
import org.boxoffice.basket.BookingFee;
import org.boxoffice.billing.Commissions;
import org.boxoffice.catalog.CatalogService;
import org.boxoffice.operator.OperatorKeys;
import org.boxoffice.partner.BillingModel;
import org.boxoffice.partner.PartnerService;
import org.boxoffice.partner.PaymentMethodRef;
import org.boxoffice.web.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of a database with no catalogue, loads the demo catalogue and a demo partner with sandbox
 * payment methods, prints the credentials once with a ready-to-paste token call, and keeps them in
 * {@code ./data/demo-credentials.txt}.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "boxoffice.demo.enabled", havingValue = "true")
class DemoSetup implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);
    private final DemoCatalog catalogue;
    private final CatalogService catalog;
    private final PartnerService partners;
    private final BasketService baskets;
    private final Commissions commissions;
    private final OperatorKeys operatorKeys;
    private final Path dataDir;
    private final String publicUrl;

    DemoSetup(DemoCatalog catalogue, CatalogService catalog, PartnerService partners, BasketService baskets,
              Commissions commissions, OperatorKeys operatorKeys,
              @Value("${boxoffice.data-dir}") String dataDir, @Value("${boxoffice.public-url}") String publicUrl) {
        this.catalogue = catalogue;
        this.catalog = catalog;
        this.partners = partners;
        this.baskets = baskets;
        this.commissions = commissions;
        this.operatorKeys = operatorKeys;
        this.dataDir = Path.of(dataDir);
        this.publicUrl = publicUrl;
    }

    Path credentialsFile() {
        return dataDir.resolve("demo-credentials.txt");
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Path file = credentialsFile();
        if (catalog.venues(null, PageRequest.of(1, 0L)).total() > 0) {
            log.info("Demo data already loaded; its credentials are in {}", file.toAbsolutePath());
            return;
        }
        long tickets = catalogue.load();
        PartnerService.WithSecret demo = partners.create("Demo Partner", BillingModel.PARTNER_BILLED);
        partners.configurePayment(demo.partner().id(), new PaymentMethodRef("sandbox", "ba_sandbox"),
                new PaymentMethodRef("sandbox", "tok_visa"));
        PartnerService.WithSecret shop = partners.create("Demo Shop", BillingModel.MERCHANT_OF_RECORD);
        partners.configurePayment(shop.partner().id(), new PaymentMethodRef("sandbox", "ba_sandbox"), null);
        baskets.setBookingFee(shop.partner().id(), new BookingFee(150, 500, 0, 1_500L));
        commissions.setRateBps(shop.partner().id(), 800);
        String text = banner(demo, shop, tickets);
        Files.createDirectories(dataDir);
        Files.writeString(file, text);
        System.out.println(text);
    }

    private String banner(PartnerService.WithSecret demo, PartnerService.WithSecret shop, long tickets) {
        String operatorKey = operatorKeys.generatedKey()
                .orElse(operatorKeys.fromEnvironment() ? "(from BOXOFFICE_ADMIN_KEY)" : "(printed at first start)");
        String rule = "=".repeat(82);
        return String.join("\n", "", rule,
                " Boxoffice demo is ready: %d events, %d tickets, a partner with sandbox payments.".formatted(DemoCatalog.EVENTS, tickets),
                " These credentials are shown once; a copy is in %s.".formatted(dataDir.resolve("demo-credentials.txt")),
                "",
                "   partner_id     " + demo.partner().id(),
                "   client_id      " + demo.partner().clientId(),
                "   client_secret  " + demo.clientSecret(),
                "   operator key   " + operatorKey,
                "",
                " A merchant-of-record partner (baskets paid by the customer on the sandbox checkout page,",
                " booking fee 1.50 + 5%, commission 8%):",
                "",
                "   shop partner_id     " + shop.partner().id(),
                "   shop client_id      " + shop.partner().clientId(),
                "   shop client_secret  " + shop.clientSecret(),
                "",
                " Get a token:",
                "   curl -s -X POST %s/v1/auth/token -H 'Content-Type: application/json' \\".formatted(publicUrl),
                "     -d '{\"client_id\":\"%s\",\"client_secret\":\"%s\",\"grant_type\":\"client_credentials\"}'"
                        .formatted(demo.partner().clientId(), demo.clientSecret()),
                "",
                " API docs: %s/swagger-ui.html".formatted(publicUrl),
                rule, "");
    }
}
