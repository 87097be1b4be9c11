package org.boxoffice.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the public port (API.md §1): the status only, {@code 200 UP} or {@code 503} otherwise,
 * for load balancers. Details, probes and metrics are on the management port.
 */
@Hidden
@RestController
@RawBody
class PublicHealthController {
    private final HealthEndpoint health;

    PublicHealthController(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping("/actuator/health")
    ResponseEntity<Map<String, String>> status() {
        Status status = health.health().getStatus();
        HttpStatus http = Status.UP.equals(status) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(http).cacheControl(CacheControl.noStore()).body(Map.of("status", status.getCode()));
    }
}
