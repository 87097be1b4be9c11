package org.boxoffice.voucher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.boxoffice.catalog.Event;

/** Renders a voucher: one A5 page per ticket with the event, the seat, the barcode and its QR code. */
final class VoucherPdf {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final int QR_PIXELS = 264;
    private static final float MARGIN = 36;

    private VoucherPdf() {
    }

    static byte[] render(Event event, Voucher voucher) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            VoucherFonts.Loaded fonts = VoucherFonts.load(pdf);
            PDFont bold = fonts.bold();
            PDFont plain = fonts.plain();
            pdf.getDocumentInformation().setTitle("Tickets: " + event.name());
            int number = 0;
            for (VoucherTicket ticket : voucher.tickets()) {
                number++;
                PDPage page = new PDPage(PDRectangle.A5);
                pdf.addPage(page);
                float top = page.getMediaBox().getHeight() - MARGIN;
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    line(text, bold, 18, top, event.name());
                    line(text, plain, 11, top - 24, event.venue().name() + ", " + event.venue().city());
                    line(text, plain, 11, top - 40, WHEN.format(event.localStart()) + " (" + event.timezone() + ")");
                    line(text, bold, 13, top - 70, "Section " + ticket.sectionName() + "   Row " + ticket.rowName()
                            + (ticket.seat() == null ? "   General admission" : "   Seat " + ticket.seat()));
                    line(text, plain, 10, top - 88, "Ticket " + number + " of " + voucher.tickets().size());
                    var qr = LosslessFactory.createFromImage(pdf, QrCodes.image(ticket.barcode(), QR_PIXELS));
                    float size = 220;
                    text.drawImage(qr, (page.getMediaBox().getWidth() - size) / 2, top - 120 - size, size, size);
                    line(text, bold, 12, top - 140 - size, ticket.barcode());
                    line(text, plain, 8, MARGIN, "Show this code at the entrance. Each code admits one person once.");
                }
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render voucher " + voucher.token(), e);
        }
    }

    private static void line(PDPageContentStream stream, PDFont font, float size, float y, String text)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(MARGIN, y);
        stream.showText(VoucherFonts.drawable(font, text));
        stream.endText();
    }
}
