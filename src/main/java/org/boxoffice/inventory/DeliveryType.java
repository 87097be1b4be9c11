package org.boxoffice.inventory;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.boxoffice.shared.WireEnum;

public enum DeliveryType implements WireEnum {
    MOBILE_TRANSFER, MOBILE_QR, PDF;

    /** Computed once: every row of an availability read names its delivery types. */
    private final String wire = name().toLowerCase(Locale.ROOT);
    private static final List<DeliveryType> ALL = List.of(values());

    /** The given wire names that are delivery types, in the catalogue's order (the order partners see). */
    static List<String> inWireOrder(Collection<String> wires) {
        return ALL.stream().map(DeliveryType::wire).filter(wires::contains).toList();
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }
}
