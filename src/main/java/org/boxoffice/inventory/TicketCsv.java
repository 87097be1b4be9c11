package org.boxoffice.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;

/**
 * The bulk import format, one batch per line after a header:
 * {@code section_name,row_name,seat_from,seat_to,quantity,price,delivery_types} with delivery types joined by
 * {@code |}. Fields may be double-quoted. Syntax errors are collected for every line before anything is loaded.
 */
final class TicketCsv {
    static final List<String> HEADER = List.of("section_name", "row_name", "seat_from", "seat_to", "quantity", "price",
            "delivery_types");

    private TicketCsv() {
    }

    static List<TicketBatch> parse(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (!isHeader(lines[0])) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "The first line must be the header " + String.join(",", HEADER),
                    Map.of("lines", List.of(Map.of("line", 1, "message", "expected header " + String.join(",", HEADER)))));
        }
        List<TicketBatch> batches = new ArrayList<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            try {
                batches.add(batch(lineNumber, fields(lines[i])));
            } catch (IllegalArgumentException e) {
                problems.add(Map.of("line", lineNumber, "message", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, problems.size() + " lines are invalid; nothing was loaded",
                    Map.of("lines", problems));
        }
        return batches;
    }

    private static boolean isHeader(String line) {
        try {
            return fields(line).stream().map(String::trim).toList().equals(HEADER);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static TicketBatch batch(int line, List<String> f) {
        if (f.size() != HEADER.size()) {
            throw new IllegalArgumentException("expected " + HEADER.size() + " fields, found " + f.size());
        }
        List<String> types = f.get(6).isBlank() ? List.of()
                : Arrays.stream(f.get(6).split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new TicketBatch(line, f.get(0).trim(), blankToNull(f.get(1)), number(f.get(2), "seat_from"),
                number(f.get(3), "seat_to"), number(f.get(4), "quantity"), f.get(5).trim(), types);
    }

    private static Integer number(String value, String field) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + value.trim() + "'");
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.trim();
    }

    /** Splits one CSV line, honouring double quotes ("" inside quotes is a quote). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        fields.add(field.toString());
        return fields;
    }
}
