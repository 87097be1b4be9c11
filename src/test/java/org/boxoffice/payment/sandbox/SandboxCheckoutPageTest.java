package org.boxoffice.payment.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Browsers;
import org.boxoffice.support.Fixtures.TestEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sandbox checkout page in a real browser (Debian's headless Chromium and ChromeDriver): a customer pays with
 * each test card, and the basket ends where the payment says.
 */
class SandboxCheckoutPageTest extends ApiTest {
    private static WebDriver browser;
    private String token;
    private TestEvent event;

    @BeforeAll
    static void openBrowser() throws Exception {
        browser = Browsers.headlessChromium();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void setUp() {
        token = fixtures.token(fixtures.partner("merchant_of_record"));
        event = fixtures.event(Duration.ofDays(12), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "1", 1, 9, "100.00", "pdf")));
    }

    /** Opens the checkout page the stripe_object answer links to, for a basket of two seats. */
    private String openCheckout() {
        String basket = buying.basketWith(token, event.id(), "A", 2);
        String url = buying.stripeObject(token, basket)
                .statusCode(200).extract().path("data.checkout_url");
        URI link = URI.create(url);
        browser.get("http://localhost:" + port + link.getRawPath() + "?" + link.getRawQuery() + "#" + link.getRawFragment());
        waitFor(By.id("amount"), "211.50 USD");
        return basket;
    }

    private void pay(String card) {
        browser.findElement(By.id("card-number")).clear();
        browser.findElement(By.id("card-number")).sendKeys(card);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(By.id("pay")));
        browser.findElement(By.id("pay")).click();
    }

    private void waitFor(By element, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(element, text));
    }

    private String checkoutStatus(String basket) {
        return as(token).get("/v1/baskets/" + basket).then().statusCode(200).extract().path("data.checkout_status");
    }

    @Test
    void theSuccessCardPaysAndBooks() {
        String basket = openCheckout();
        pay("4242 4242 4242 4242");
        waitFor(By.id("message"), "Payment succeeded");
        assertThat(checkoutStatus(basket)).isEqualTo("checked_out");
    }

    @Test
    void theDeclineCardIsRefusedAndTheCustomerCanTryAgain() {
        String basket = openCheckout();
        pay("4000 0000 0000 0002");
        waitFor(By.id("message"), "Your card was declined.");
        assertThat(checkoutStatus(basket)).isEqualTo("payment_failed");
        pay("4242 4242 4242 4242");
        waitFor(By.id("message"), "Payment succeeded");
        assertThat(checkoutStatus(basket)).isEqualTo("checked_out");
    }

    @Test
    void theAuthenticationCardAsksForTheStepBeforePaying() {
        String basket = openCheckout();
        pay("4000 0025 0000 3155");
        waitFor(By.id("message"), "Authentication required");
        assertThat(browser.findElement(By.id("auth")).isDisplayed()).isTrue();
        assertThat(checkoutStatus(basket)).isEqualTo("checkout_pending");
        browser.findElement(By.id("auth-complete")).click();
        waitFor(By.id("message"), "Payment succeeded");
        assertThat(checkoutStatus(basket)).isEqualTo("checked_out");
    }
}
