package org.boxoffice.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one row has available now, from its stock lines: how many, the lowest price, the longest run of side-by-side
 * seats (all of them for GA) and the delivery types some available ticket supports, in the catalogue's order.
 */
record RowStock(String sectionId, String rowId, long available, long minPriceMinor, long maxContiguous,
                List<String> deliveryTypes) {

    /** One entry per row that has anything available, in the order the rows first appear. */
    static List<RowStock> of(List<StockRepository.StockLine> lines, boolean ga) {
        Map<String, List<StockRepository.StockLine>> byRow = lines.stream()
                .collect(Collectors.groupingBy(StockRepository.StockLine::rowId, LinkedHashMap::new, Collectors.toList()));
        List<RowStock> rows = new ArrayList<>();
        byRow.forEach((rowId, rowLines) -> {
            long available = rowLines.stream().mapToLong(StockRepository.StockLine::available).sum();
            Set<String> types = rowLines.stream().flatMap(l -> l.deliveryTypes().stream()).collect(Collectors.toSet());
            rows.add(new RowStock(rowLines.getFirst().sectionId(), rowId, available,
                    rowLines.stream().mapToLong(StockRepository.StockLine::priceMinor).min().orElseThrow(),
                    ga ? available : longestRun(rowLines),
                    Arrays.stream(DeliveryType.values()).map(DeliveryType::wire).filter(types::contains).toList()));
        });
        return rows;
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
