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
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
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
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            pdf.getDocumentInformation().setTitle("Tickets: " + printable(event.name()));
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

    private static void line(PDPageContentStream stream, PDType1Font font, float size, float y, String text)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(MARGIN, y);
        stream.showText(printable(text));
        stream.endText();
    }

    /** The standard fonts know only Latin-1 (WinAnsi); anything else prints as '?' rather than failing. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F || c >= 0xA0 && c <= 0xFF ? (char) c : '?'));
        return out.toString();
    }
}
