package org.boxoffice.voucher;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vouchers' fonts: DejaVu Sans and DejaVu Sans Bold, bundled (free licence, {@code fonts/LICENSE-DejaVu.txt}) and
 * embedded in each PDF as a subset of the glyphs it uses. They cover Latin, Greek and Cyrillic — every European script.
 * A character they lack is logged and drawn as U+FFFD (a visible "�"), never dropped or turned into a silent "?".
 */
final class VoucherFonts {
    private static final Logger log = LoggerFactory.getLogger(VoucherFonts.class);
    static final String REPLACEMENT = "\uFFFD";
    private static final byte[] PLAIN = read("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("fonts/DejaVuSans-Bold.ttf");

    private VoucherFonts() {
    }

    /** The fonts for one document (a loaded font belongs to the document it is embedded in). */
    record Loaded(PDFont plain, PDFont bold) {
    }

    static Loaded load(PDDocument pdf) throws IOException {
        return new Loaded(PDType0Font.load(pdf, new ByteArrayInputStream(PLAIN), true),
                PDType0Font.load(pdf, new ByteArrayInputStream(BOLD), true));
    }

    /** The text as the font can draw it: control characters dropped, characters it lacks replaced (and logged). */
    static String drawable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String character = Character.toString(c);
            if (Character.isISOControl(c)) {
                return;
            }
            if (has(font, character)) {
                out.append(character);
            } else {
                log.warn("voucher text has U+{} ({}), which {} lacks: drawn as U+FFFD", String.format("%04X", c),
                        Character.getName(c), font.getName());
                out.append(REPLACEMENT);
            }
        });
        return out.toString();
    }

    private static boolean has(PDFont font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) { // PDFBox: "No glyph for U+… in font …"
            return false;
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = VoucherFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled font " + resource + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
