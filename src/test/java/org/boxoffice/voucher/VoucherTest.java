package org.boxoffice.voucher;

import static io.restassured.http.ContentType.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.support.Fixtures.seats;
import static org.boxoffice.support.Json.obj;
import static org.hamcrest.Matchers.equalTo;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.restassured.path.json.JsonPath;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.boxoffice.support.ApiTest;
import org.boxoffice.support.Fixtures.TestEvent;
import org.boxoffice.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Vouchers as the customer gets them: a PDF per booked item or order, a QR code per ticket, behind a secret link. */
@ExtendWith(OutputCaptureExtension.class)
class VoucherTest extends ApiTest {
    private String token;
    private TestEvent event;

    @BeforeEach
    void setUp() {
        token = fixtures.token(fixtures.partner("merchant_of_record"));
        event = fixtures.event(Duration.ofDays(5), List.of());
        fixtures.tickets(event.id(), List.of(seats("A", "2", 1, 10, "30.00", "pdf", "mobile_qr")));
    }

    /** Books {@code quantity} seats through a basket paid on the sandbox checkout; returns the basket. */
    private JsonPath bookedBasket(String as, String eventId, int quantity) {
        String basket = buying.basketWith(as, eventId, "A", quantity);
        JsonPath intent = buying.stripeObject(as, basket)
                .statusCode(200).extract().jsonPath();
        anonymous().contentType(JSON).body(Json.of(obj("client_secret", intent.getString("data.stripe_payment_intent_secret"),
                        "card_number", "4242424242424242")))
                .post("/sandbox/payment_intents/" + intent.getString("data.stripe_payment_intent_id") + "/confirm")
                .then().statusCode(200);
        return as(as).get("/v1/baskets/" + basket).then().statusCode(200)
                .body("data.checkout_status", equalTo("checked_out")).extract().jsonPath();
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private byte[] download(String url) {
        return anonymous().get(path(url)).then().statusCode(200).contentType("application/pdf")
                .header("Cache-Control", "no-store").extract().asByteArray();
    }

    private static List<String> qrCodes(PDDocument pdf) throws IOException {
        List<String> codes = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    codes.add(decode(image.getImage()));
                }
            }
        }
        return codes;
    }

    /**
     * The image embedded in the PDF is the code itself, square and unscaled, so it is read as a pure barcode: zxing's
     * finder-pattern search, meant for camera pictures, misses about 1 in 250 of these perfect images (measured on
     * 3,000 random barcodes: 12 misses without the hint, none with it), which made this test fail now and then.
     */
    private static String decode(BufferedImage image) {
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code in the voucher image", e);
        }
    }

    @Test
    void aBookedItemsVoucherHasAPagePerTicketWhoseQrCodeIsItsBarcode() throws IOException {
        JsonPath basket = bookedBasket(token, event.id(), 3);
        String itemId = basket.getString("data.items[0].item_id");
        List<String> barcodes = jdbc.sql("""
                        SELECT vt.barcode FROM voucher_tickets vt JOIN vouchers v ON v.token = vt.token
                        WHERE v.owner_id = :item ORDER BY vt.position""").param("item", itemId).query(String.class).list();
        assertThat(barcodes).hasSize(3).doesNotHaveDuplicates().allMatch(b -> b.matches("BX[0-9A-Z]{18}"));

        try (PDDocument pdf = Loader.loadPDF(download(basket.getString("data.items[0].voucher_url")))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            assertThat(qrCodes(pdf)).containsExactlyElementsOf(barcodes);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(event.name()).contains("Section A").contains("Row 2").contains("Seat 1")
                    .contains("Seat 3").contains(barcodes.get(2)).contains("Ticket 2 of 3");
        }
    }

    /** A voucher in every European script: the exact name comes back out of the PDF's text layer. */
    @Test
    void aNameInAnyEuropeanScriptIsPrintedAsItIsWithTheFontEmbeddedAsASubset(CapturedOutput output) throws IOException {
        String name = "Ésta Noche — Łódź & Москва · Ωmega “Live”";
        TestEvent european = fixtures.event(fixtures.venue("Teatr Wielki — Łódź", "Europe/Warsaw"), name,
                clock.instant().plus(Duration.ofDays(6)), List.of());
        fixtures.tickets(european.id(), List.of(seats("A", "1", 1, 4, "30.00", "pdf")));
        JsonPath basket = bookedBasket(token, european.id(), 1);
        try (PDDocument pdf = Loader.loadPDF(download(basket.getString("data.items[0].voucher_url")))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(name).contains("Teatr Wielki — Łódź").doesNotContain("?");
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertThat(font.getName()).as("an embedded subset is named XXXXXX+Font").matches("[A-Z]{6}\\+DejaVuSans.*");
            assertThat(font.isEmbedded()).isTrue();
        }
        assertThat(output).doesNotContain("drawn as U+FFFD");
    }

    /** A character the fonts lack (here CJK) is drawn as a visible U+FFFD and logged, never a silent "?". */
    @Test
    void aCharacterTheFontLacksIsLoggedAndDrawnAsAVisibleReplacement(CapturedOutput output) throws IOException {
        TestEvent tokyo = fixtures.event(fixtures.venue("Tokyo Dome", "Asia/Tokyo"), "Live in 東京",
                clock.instant().plus(Duration.ofDays(6)), List.of());
        fixtures.tickets(tokyo.id(), List.of(seats("A", "1", 1, 4, "30.00", "pdf")));
        JsonPath basket = bookedBasket(token, tokyo.id(), 1);
        try (PDDocument pdf = Loader.loadPDF(download(basket.getString("data.items[0].voucher_url")))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Live in \uFFFD\uFFFD").doesNotContain("Live in ?");
        }
        assertThat(output).contains("voucher text has U+6771 (CJK UNIFIED IDEOGRAPHS 6771)")
                .contains("drawn as U+FFFD");
    }

    @Test
    void aPdfOrdersTicketsListTheVoucherThatPrintsThem() throws IOException {
        String buyer = fixtures.token(fixtures.buyer());
        String quote = buying.quoteId(buyer, event.id(), "A", "2", 2);
        String order = buying.order(buyer, quote, "pdf", clock.instant().plus(Duration.ofDays(2))).statusCode(201)
                .extract().path("data.order_id");
        JsonPath tickets = as(buyer).get("/v1/orders/" + order + "/tickets").then().statusCode(200).extract().jsonPath();
        List<String> urls = tickets.getList("data.voucher_url");
        assertThat(urls).hasSize(2).allMatch(u -> u.equals(urls.getFirst()));
        try (PDDocument pdf = Loader.loadPDF(download(urls.getFirst()))) {
            assertThat(qrCodes(pdf)).containsExactlyElementsOf(tickets.getList("data.barcode"));
        }
    }

    @Test
    void aVoucherLinkCannotBeGuessedAndBelongsToOneItem() {
        JsonPath first = bookedBasket(token, event.id(), 1);
        JsonPath second = bookedBasket(token, event.id(), 1);
        String a = path(first.getString("data.items[0].voucher_url"));
        String b = path(second.getString("data.items[0].voucher_url"));
        assertThat(a).isNotEqualTo(b).matches("/vouchers/vch_[0-9A-Za-z]{22}\\.pdf");
        String tampered = a.substring(0, 20) + (a.charAt(20) == 'x' ? 'y' : 'x') + a.substring(21);
        anonymous().get(tampered).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        anonymous().get("/vouchers/vch_0000000000000000000000.pdf").then().statusCode(404);
        anonymous().get("/vouchers/" + first.getString("data.items[0].item_id") + ".pdf").then().statusCode(404);
    }

    @Test
    void aVoucherIsGoneOnceTheEventHasPassed() {
        TestEvent soon = fixtures.event(fixtures.venue(org.boxoffice.support.Fixtures.unique("Hall"), "Europe/Paris"),
                org.boxoffice.support.Fixtures.unique("Matinee"), clock.instant().plus(Duration.ofHours(3)), List.of());
        fixtures.tickets(soon.id(), List.of(seats("A", "1", 1, 2, "10.00", "pdf")));
        String url = bookedBasket(token, soon.id(), 1).getString("data.items[0].voucher_url");
        download(url);
        clock.advance(Duration.ofHours(3).plus(Duration.ofDays(1)));
        anonymous().get(path(url)).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }
}
