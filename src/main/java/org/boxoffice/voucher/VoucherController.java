package org.boxoffice.voucher;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.boxoffice.web.ApiErrors;
import org.boxoffice.web.ApiException;
import org.boxoffice.web.ErrorCode;
import org.boxoffice.web.RawBody;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /vouchers/{token}.pdf}: the voucher itself, for whoever holds the link (the partner hands it to its
 * customer). No token needed: the link is the secret. After the event it is gone (404).
 */
@RawBody
@RestController
class VoucherController {
    private final VoucherService vouchers;

    VoucherController(VoucherService vouchers) {
        this.vouchers = vouchers;
    }

    @GetMapping("/vouchers/{token}.pdf")
    @ApiErrors({ErrorCode.NOT_FOUND})
    @ApiResponse(responseCode = "200", description = "The voucher, a PDF with one QR code per ticket",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> voucher(@PathVariable String token) {
        byte[] pdf = vouchers.document(token).orElseThrow(() ->
                new ApiException(ErrorCode.NOT_FOUND, "No voucher at this address, or its event has passed"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .cacheControl(CacheControl.noStore()).header("Content-Disposition", "inline; filename=\"tickets.pdf\"")
                .header("X-Robots-Tag", "noindex").body(pdf);
    }
}
