package org.boxoffice.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/v1/settings}: quote lifetime, fees and the transfer e-mail domain; fields left out keep their value. */
@RestController
class AdminSettingsController {
    private final Settings settings;

    AdminSettingsController(Settings settings) {
        this.settings = settings;
    }

    record SettingsView(long quoteTtlSeconds, int feePercentBps, long feeFixedMinor, String transferDomain) {
        static SettingsView of(Settings.Values v) {
            return new SettingsView(v.quoteTtl().toSeconds(), v.feePercentBps(), v.feeFixedMinor(), v.transferDomain());
        }
    }

    record SettingsChange(@Min(60) @Max(86_400) Long quoteTtlSeconds, @Min(0) @Max(10_000) Integer feePercentBps,
                          @Min(0) @Max(100_000_00) Long feeFixedMinor,
                          @Pattern(regexp = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+") String transferDomain) {
    }

    @GetMapping("/admin/v1/settings")
    SettingsView get() {
        return SettingsView.of(settings.current());
    }

    @PutMapping("/admin/v1/settings")
    SettingsView update(@Validated @RequestBody SettingsChange change) {
        Map<String, String> changes = new LinkedHashMap<>();
        if (change.quoteTtlSeconds() != null) {
            changes.put(Settings.QUOTE_TTL_SECONDS, change.quoteTtlSeconds().toString());
        }
        if (change.feePercentBps() != null) {
            changes.put(Settings.FEE_PERCENT_BPS, change.feePercentBps().toString());
        }
        if (change.feeFixedMinor() != null) {
            changes.put(Settings.FEE_FIXED_MINOR, change.feeFixedMinor().toString());
        }
        if (change.transferDomain() != null) {
            changes.put(Settings.TRANSFER_DOMAIN, change.transferDomain());
        }
        return SettingsView.of(settings.update(changes));
    }
}
