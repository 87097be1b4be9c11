package org.boxoffice.inventory;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.ApiErrors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operator API for inventory: tickets as JSON batches or as a CSV file (all or nothing). */
@RestController
class AdminTicketController {
    private final TicketLoader loader;

    AdminTicketController(TicketLoader loader) {
        this.loader = loader;
    }

    record Batch(String sectionName, String rowName, Integer seatFrom, Integer seatTo, Integer quantity, String price,
                 @ArraySchema(schema = @Schema(implementation = DeliveryType.class)) List<String> deliveryTypes) {
    }

    record LoadRequest(@NotNull @Size(min = 1, max = 10_000) List<Batch> tickets) {
    }

    @ApiErrors({ErrorCode.EVENT_NOT_FOUND})
    @PostMapping("/admin/v1/events/{eventId}/tickets")
    @ResponseStatus(HttpStatus.CREATED)
    TicketLoader.Loaded load(@PathVariable String eventId, @Valid @RequestBody LoadRequest request) {
        List<TicketBatch> batches = new ArrayList<>();
        for (int i = 0; i < request.tickets().size(); i++) {
            Batch b = request.tickets().get(i);
            if (b == null) {
                throw org.boxoffice.web.ApiException.validation("tickets[" + i + "]", "a ticket line must be an object");
            }
            batches.add(new TicketBatch("tickets[" + i + "]", b.sectionName(), b.rowName(), b.seatFrom(), b.seatTo(),
                    b.quantity(), b.price(), b.deliveryTypes()));
        }
        return loader.load(eventId, batches, "item");
    }

    @ApiErrors({ErrorCode.EVENT_NOT_FOUND})
    @PostMapping(path = "/admin/v1/events/{eventId}/tickets/import", consumes = {"text/csv", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    TicketLoader.Loaded importCsv(@PathVariable String eventId, @RequestBody String csv) {
        return loader.load(eventId, TicketCsv.parse(csv), "line");
    }
}
