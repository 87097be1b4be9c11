package org.boxoffice.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one row has available now, from its stock lines: how many, the lowest price, the longest run of side-by-side
 * seats (all of them for GA) and the delivery types some available ticket supports, in the catalogue's order.
 */
record RowStock(String sectionId, String rowId, long available, long minPriceMinor, long maxContiguous,
                List<String> deliveryTypes) {

    /**
     * One entry per row that has anything available, in the order of the lines, which come grouped by row
     * ({@link StockRepository#lines}). A row of one line, nearly every row, is read off that line as it is.
     */
    static List<RowStock> of(List<StockRepository.StockLine> lines, boolean ga) {
        List<RowStock> rows = new ArrayList<>(lines.size());
        int from = 0;
        while (from < lines.size()) {
            String rowId = lines.get(from).rowId();
            int to = from + 1;
            while (to < lines.size() && lines.get(to).rowId().equals(rowId)) {
                to++;
            }
            rows.add(to == from + 1 ? ofLine(lines.get(from), ga) : ofLines(lines.subList(from, to), ga));
            from = to;
        }
        return rows;
    }

    private static RowStock ofLine(StockRepository.StockLine line, boolean ga) {
        return new RowStock(line.sectionId(), line.rowId(), line.available(), line.priceMinor(),
                ga ? line.available() : longestRun(List.of(line)), line.deliveryTypes());
    }

    private static RowStock ofLines(List<StockRepository.StockLine> rowLines, boolean ga) {
        long available = rowLines.stream().mapToLong(StockRepository.StockLine::available).sum();
        Set<String> types = rowLines.stream().flatMap(l -> l.deliveryTypes().stream()).collect(Collectors.toSet());
        return new RowStock(rowLines.getFirst().sectionId(), rowLines.getFirst().rowId(), available,
                rowLines.stream().mapToLong(StockRepository.StockLine::priceMinor).min().orElseThrow(),
                ga ? available : longestRun(rowLines), DeliveryType.inWireOrder(types));
    }

    /** The row's one stock line knows its longest run; otherwise the seats say (several lines, or expired holds). */
    private static long longestRun(List<StockRepository.StockLine> rowLines) {
        if (rowLines.size() == 1 && rowLines.getFirst().seats() == null) {
            return rowLines.getFirst().longestRun();
        }
        return longestRun(rowLines.stream().map(StockRepository.StockLine::seats).filter(Objects::nonNull)
                .flatMapToInt(Arrays::stream).sorted().toArray());
    }

    /** The longest run of consecutive numbers in a sorted array. */
    static int longestRun(int[] sorted) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < sorted.length; i++) {
            run = i > 0 && sorted[i] == sorted[i - 1] + 1 ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
