package org.boxoffice.support;

import static io.restassured.RestAssured.given;

import org.boxoffice.BoxofficeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application for jqwik properties, which Spring's test support does not reach (jqwik-spring is not in the
 * package mirror here): started once, on first use, with the test profile and a movable clock, like {@link ApiTest};
 * its own database, so properties and other tests never see each other's data. Closed when the JVM ends.
 */
public final class PropertyApplication {
    private static ConfigurableApplicationContext context;

    private PropertyApplication() {
    }

    public static synchronized ConfigurableApplicationContext context() {
        if (context == null) {
            context = new SpringApplicationBuilder(BoxofficeApplication.class, TestClockConfig.class).profiles("test")
                    .properties("server.port=0", "spring.application.name=properties").run();
            Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        }
        return context;
    }

    public static <T> T bean(Class<T> type) {
        return context().getBean(type);
    }

    /** Test data through the operator API of this application. */
    public static Fixtures fixtures() {
        int port = Integer.parseInt(context().getEnvironment().getRequiredProperty("local.server.port"));
        return new Fixtures(() -> given().port(port).header("Authorization", "Bearer " + ApiTest.OPERATOR_KEY),
                () -> given().port(port), bean(MutableClock.class));
    }
}
