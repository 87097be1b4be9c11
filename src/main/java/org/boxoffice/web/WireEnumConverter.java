package org.boxoffice.web;

import java.util.Optional;
import java.util.Set;
import org.boxoffice.shared.WireEnum;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;

/**
 * Reads a query parameter typed as a {@link WireEnum} from its wire form ({@code ?status=transfer_sent}), so filters
 * are typed in the controllers and documented as enums; a value that is no state is a {@code 400 VALIDATION_ERROR}
 * naming the allowed values (see {@link ApiExceptionHandler}). Registered for the pair String → Enum, ahead of
 * Spring's own name-based converter, which it leaves the other enums to (Spring's binder still accepts a constant's
 * Java name, {@code TRANSFER_SENT}, as a fallback: harmless).
 */
public class WireEnumConverter implements ConditionalGenericConverter {

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return Set.of(new ConvertiblePair(String.class, Enum.class));
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        return WireEnum.class.isAssignableFrom(targetType.getType());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        String value = source.toString().trim();
        Optional<?> parsed = WireEnum.parse((Class) targetType.getType(), value);
        return parsed.orElseThrow(() -> new IllegalArgumentException(value + " is not a "
                + targetType.getType().getSimpleName()));
    }
}
