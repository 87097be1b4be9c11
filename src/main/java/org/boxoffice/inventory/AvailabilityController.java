package org.boxoffice.inventory;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.annotation.Nullable;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.ApiErrors;
import java.util.List;
import org.boxoffice.partner.RequiresScope;
import org.boxoffice.partner.Scope;
import org.boxoffice.shared.MoneyView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/** Partner view of live availability by section and row (API.md §4). */
@RestController
@RequiresScope(Scope.EVENTS_READ)
class AvailabilityController {
    private final AvailabilityService availability;
    private final RowsAnswers rowsAnswers;

    AvailabilityController(AvailabilityService availability, JsonMapper json) {
        this.availability = availability;
        this.rowsAnswers = new RowsAnswers(availability, json, rows -> rows.stream().map(a -> new RowAvailabilityView(
                a.row().name(), a.row().displayName(), a.row().rank(), a.available(), a.maxContiguous(),
                MoneyView.of(a.minPriceMinor(), a.currency()), a.deliveryTypes())).toList());
    }

    record SectionAvailabilityView(String sectionId, String sectionName, String sectionNameDisplay, boolean isGa,
                       long availableQuantity, @Nullable MoneyView minPrice) {
    }

    record RowAvailabilityView(String rowName, String rowNameDisplay, int rowRank, long availableQuantity, long maxContiguous,
                   MoneyView unitPrice,
                   @ArraySchema(schema = @Schema(implementation = DeliveryType.class)) List<String> deliveryTypes) {
    }

    @ApiErrors({ErrorCode.EVENT_NOT_FOUND})
    @GetMapping("/v1/events/{eventId}/sections")
    List<SectionAvailabilityView> sections(@PathVariable String eventId) {
        return availability.sections(eventId).stream().map(a -> new SectionAvailabilityView(a.section().id(), a.section().name(),
                a.section().displayName(), a.section().ga(), a.available(), MoneyView.of(a.minPriceMinor(), a.currency())))
                .toList();
    }

    /** The rows as JSON, kept while the section does not change ({@link RowsAnswers}); the schema says what it holds. */
    @ApiErrors({ErrorCode.EVENT_NOT_FOUND, ErrorCode.SECTION_NOT_FOUND})
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            array = @ArraySchema(schema = @Schema(implementation = RowAvailabilityView.class))))
    @GetMapping("/v1/events/{eventId}/sections/{sectionName}/rows")
    RawValue rows(@PathVariable String eventId, @PathVariable String sectionName) {
        return rowsAnswers.rows(eventId, sectionName);
    }
}
