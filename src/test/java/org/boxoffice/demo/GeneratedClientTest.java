package org.boxoffice.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.boxoffice.client.ApiClient;
import org.boxoffice.client.ApiException;
import org.boxoffice.client.ApiResponse;
import org.boxoffice.client.api.AuthenticationApi;
import org.boxoffice.client.api.AvailabilityApi;
import org.boxoffice.client.api.BasketsApi;
import org.boxoffice.client.api.DiscoveryApi;
import org.boxoffice.client.api.OrdersApi;
import org.boxoffice.client.api.QuotesApi;
import org.boxoffice.client.api.SandboxApi;
import org.boxoffice.client.api.VouchersApi;
import org.boxoffice.client.model.AddItem;
import org.boxoffice.client.model.BasketView;
import org.boxoffice.client.model.Confirm;
import org.boxoffice.client.model.CreateBasket;
import org.boxoffice.client.model.CreateOrder;
import org.boxoffice.client.model.CreateQuote;
import org.boxoffice.client.model.Customer;
import org.boxoffice.client.model.IntentView;
import org.boxoffice.client.model.ItemView;
import org.boxoffice.client.model.OrderView;
import org.boxoffice.client.model.OrderViewEnvelope;
import org.boxoffice.client.model.Payment;
import org.boxoffice.client.model.QuoteView;
import org.boxoffice.client.model.RowAvailabilityView;
import org.boxoffice.client.model.SectionAvailabilityView;
import org.boxoffice.client.model.StripeObject;
import org.boxoffice.client.model.StripeObjectView;
import org.boxoffice.client.model.TokenAnswer;
import org.boxoffice.client.model.TokenRequest;
import org.boxoffice.support.TestClockConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The README's two flows, run through the Java client that openapi-generator makes from {@code docs/openapi.json} at
 * build time (into test sources) and nothing else: if the document and the server disagree, or the document cannot
 * serve a generated client, this fails. The server is set up as for {@link ReadmeFlowTest}, in a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"boxoffice.demo.enabled=true", "boxoffice.db.url=", "boxoffice.admin-key=",
                "spring.application.name=generated-client"}) // a context of its own: ReadmeFlowTest counts the seats
@ActiveProfiles("test")
@Import(TestClockConfig.class)
class GeneratedClientTest {
    @LocalServerPort
    int port;
    @Autowired
    DemoSetup setup;
    private List<String> credentials;

    @BeforeEach
    void readCredentials() throws Exception {
        credentials = Files.readAllLines(setup.credentialsFile());
    }

    @Test
    void thePartnerFlowThroughTheGeneratedClient() throws Exception {
        ApiClient client = signedIn(credential("client_id"), credential("client_secret"));
        String event = new DiscoveryApi(client).listEvents("live", null, null, null, null, null, null, null, 5, null)
                .getData().getFirst().getEventId();

        AvailabilityApi availability = new AvailabilityApi(client);
        long before = available(availability, event, "101");
        List<RowAvailabilityView> rows = availability.listRows(event, "101").getData();
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r.getMaxContiguous()).isPositive());

        QuoteView quote = new QuotesApi(client).createQuote(new CreateQuote().eventId(event).sectionName("101")
                .quantity(2), null).getData();
        assertThat(quote.getStatus()).isEqualTo(QuoteView.StatusEnum.ACTIVE);
        assertThat(quote.getSeats()).hasSize(2);
        assertThat(quote.getRowName()).isEqualTo(rows.getFirst().getRowName()); // the best row
        assertThat(available(availability, event, "101")).isEqualTo(before - 2);

        CreateOrder order = new CreateOrder().quoteId(quote.getQuoteId())
                .deliveryType(CreateOrder.DeliveryTypeEnum.MOBILE_TRANSFER)
                .deliveryDeadline(OffsetDateTime.now(ZoneOffset.UTC).plusDays(2));
        OrdersApi orders = new OrdersApi(client);
        OrderView placed = orders.createOrder(order, quote.getQuoteId()).getData();
        assertThat(placed.getStatus()).isEqualTo(OrderView.StatusEnum.CONFIRMED);
        assertThat(placed.getPayment().getStatus()).isEqualTo(Payment.StatusEnum.CAPTURED);
        assertThat(placed.getTransferEmail()).startsWith("order-");

        // Order again: the same Idempotency-Key replays the first answer; without it the quote is used up.
        ApiResponse<OrderViewEnvelope> again = orders.createOrderWithHttpInfo(order, quote.getQuoteId());
        assertThat(again.getData().getData().getOrderId()).isEqualTo(placed.getOrderId());
        assertThat(again.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThatThrownBy(() -> orders.createOrder(order, null)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            assertThat(e.getResponseBody()).contains("\"QUOTE_ALREADY_CONSUMED\"").contains(placed.getOrderId());
        });

        OrderView read = orders.getOrder(placed.getOrderId()).getData();
        assertThat(read.getStatus()).isEqualTo(OrderView.StatusEnum.CONFIRMED);
        assertThat(read.getTransferEmail()).isEqualTo(placed.getTransferEmail());
    }

    @Test
    void theMerchantOfRecordFlowThroughTheGeneratedClient() throws Exception {
        ApiClient shop = signedIn(credential("shop client_id"), credential("shop client_secret"));
        String event = new DiscoveryApi(shop).listEvents(null, null, null, null, null, null, null, null, 1, null)
                .getData().getFirst().getEventId();
        BasketsApi baskets = new BasketsApi(shop);
        String basket = baskets.createBasket(null, new CreateBasket()).getData().getBasketId();
        BasketView withItem = baskets.createBasketItem(basket, new AddItem().eventId(event).sectionName("101")
                .quantity(2), null).getData();
        assertThat(withItem.getItems()).singleElement().extracting(ItemView::getStatus)
                .isEqualTo(ItemView.StatusEnum.RESERVED);

        StripeObjectView intent = baskets.createBasketStripeObject(basket, null,
                new StripeObject().customer(new Customer().email("fan@example.com"))).getData();
        assertThat(intent.getAmount()).isEqualTo(withItem.getTotalPrice().getAmount());
        assertThat(intent.getCheckoutUrl()).contains("/sandbox/checkout?payment_intent=" + intent.getStripePaymentIntentId());
        assertThat(baskets.getBasket(basket).getData().getItems()).singleElement().extracting(ItemView::getStatus)
                .isEqualTo(ItemView.StatusEnum.BOOKING);

        // What the checkout page does with Stripe.js, through the sandbox's own operations.
        IntentView paid = new SandboxApi(anonymous()).confirmSandboxPaymentIntent(intent.getStripePaymentIntentId(),
                new Confirm().clientSecret(intent.getStripePaymentIntentSecret()).cardNumber("4242 4242 4242 4242"))
                .getData();
        assertThat(paid.getStatus()).isEqualTo(IntentView.StatusEnum.SUCCEEDED);

        BasketView booked = baskets.getBasket(basket).getData();
        assertThat(booked.getCheckoutStatus()).isEqualTo(BasketView.CheckoutStatusEnum.CHECKED_OUT);
        ItemView item = booked.getItems().getFirst();
        assertThat(item.getStatus()).isEqualTo(ItemView.StatusEnum.BOOKED);
        String voucher = item.getVoucherUrl().substring(item.getVoucherUrl().lastIndexOf('/') + 1).replace(".pdf", "");
        byte[] pdf = Files.readAllBytes(new VouchersApi(anonymous()).getVoucher(voucher).toPath());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static long available(AvailabilityApi availability, String event, String section) throws ApiException {
        return availability.listSections(event).getData().stream().filter(s -> s.getSectionName().equals(section))
                .mapToLong(SectionAvailabilityView::getAvailableQuantity).sum();
    }

    /** A client holding a fresh token from the token operation, sent as a bearer on every call. */
    private ApiClient signedIn(String clientId, String clientSecret) throws ApiException {
        TokenAnswer token = new AuthenticationApi(anonymous()).createToken(new TokenRequest().clientId(clientId)
                .clientSecret(clientSecret).grantType(TokenRequest.GrantTypeEnum.CLIENT_CREDENTIALS));
        assertThat(token.getExpiresIn()).isEqualTo(3600);
        return anonymous().setRequestInterceptor(request -> request.header("Authorization",
                "Bearer " + token.getAccessToken()));
    }

    private ApiClient anonymous() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        return client;
    }

    private String credential(String label) {
        return credentials.stream().filter(line -> line.trim().startsWith(label + " ")).findFirst()
                .map(line -> line.trim().substring(label.length()).trim()).orElseThrow();
    }
}
