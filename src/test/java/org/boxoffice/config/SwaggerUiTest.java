package org.boxoffice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Browsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/**
 * Swagger UI as a playground, in a real browser: it loads the served document, and "Authorize" offers the partner's
 * OAuth 2.0 client credentials and bearer token, and the operator key. With {@code -Dswagger.screenshot=true} it
 * writes the README's picture, {@code docs/swagger-ui.png}.
 */
@TestPropertySource(properties = "boxoffice.public-url=http://localhost:8080")
class SwaggerUiTest extends ApiTest {

    @Test
    void theUiShowsTheServedDocumentAndAuthorizeOffersPartnerAndOperatorCredentials() throws Exception {
        anonymous().get("/v3/api-docs/swagger-config").then().statusCode(200).body("url", equalTo("/v3/api-docs"));
        WebDriver browser = Browsers.headlessChromium();
        try {
            browser.get("http://localhost:" + port + "/swagger-ui.html");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".info .title"),
                    "Boxoffice Partner API"));
            assertThat(browser.findElement(By.cssSelector(".servers select")).getText())
                    .as("try-it-out calls the public URL").contains("http://localhost:8080");
            assertThat(browser.findElements(By.cssSelector(".opblock-tag")).stream().map(WebElement::getText).toList())
                    .anyMatch(tag -> tag.startsWith("Quotes")).anyMatch(tag -> tag.startsWith("Operator: Partners"));
            if (Boolean.getBoolean("swagger.screenshot")) {
                Files.write(Path.of("docs/swagger-ui.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            }
            browser.findElement(By.cssSelector("button.authorize")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
            List<String> schemes = browser.findElements(By.cssSelector(".auth-container h4")).stream()
                    .map(WebElement::getText).toList();
            assertThat(String.join("\n", schemes)).contains("partnerOAuth").contains("partnerToken")
                    .contains("operatorKey").contains("clientBasic");
        } finally {
            browser.quit();
        }
    }
}
