package org.boxoffice.operator;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At start, makes sure an operator key exists; a generated one is printed this once and never again. */
@Component
@Order(0)
class OperatorKeyInitializer implements ApplicationRunner {
    private final OperatorKeys keys;

    OperatorKeyInitializer(OperatorKeys keys) {
        this.keys = keys;
    }

    @Override
    public void run(ApplicationArguments args) {
        keys.ensureKey().ifPresent(key -> System.out.printf("%n  Operator key (shown once, keep it): %s%n%n", key));
    }
}
