package org.boxoffice;

import org.boxoffice.config.ProductionGuard;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BoxofficeApplication {

    public static void main(String[] args) {
        application().run(args);
    }

    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(BoxofficeApplication.class);
        application.addListeners(new ProductionGuard());
        return application;
    }
}
