package org.boxoffice.shared;

import java.util.Arrays;
import java.util.Optional;

/** Enums whose wire and database form is the lower-case snake-case name ({@code partner_billed}). */
public interface WireEnum {

    String name();

    default String wire() {
        return name().toLowerCase();
    }

    static <E extends Enum<E> & WireEnum> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.wire().equals(value)).findFirst();
    }

    static <E extends Enum<E> & WireEnum> String allowed(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(WireEnum::wire).toList());
    }
}
