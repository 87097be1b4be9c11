package org.boxoffice.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint; the envelope adds it as {@code data} plus {@code pagination}. */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, request);
    }

    Envelope.Pagination pagination() {
        return new Envelope.Pagination(total, request.limit(), request.offset(),
                request.offset() + items.size() < total);
    }
}
