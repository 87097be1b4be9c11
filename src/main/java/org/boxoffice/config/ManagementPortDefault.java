package org.boxoffice.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Actuator's own port (API.md §1): {@code BOXOFFICE_MANAGEMENT_PORT}, or the public port + 1 (8081 by default), so
 * health details and metrics are never on the port partners reach. A random public port (tests) leaves it alone.
 */
public class ManagementPortDefault implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("management.server.port")) {
            return;
        }
        String configured = environment.getProperty("boxoffice.management.port", "");
        int publicPort = environment.getProperty("server.port", Integer.class, 8080);
        String port = !configured.isBlank() ? configured : publicPort > 0 ? Integer.toString(publicPort + 1) : null;
        if (port != null) {
            environment.getPropertySources().addLast(new MapPropertySource("boxoffice-management-port",
                    Map.of("management.server.port", port)));
        }
    }
}
