package org.apache.camel.component.kaizala.springboot;

import org.apache.camel.component.kaizala.InMemoryKaizalaTokenStore;
import org.apache.camel.component.kaizala.api.KaizalaTokenStore;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A user's Spring Boot application: the component is configured by application.properties alone (no glue code); the
 * routes are in {@link KaizalaRoutes}. The token store bean is named by {@code camel.component.kaizala.token-store}.
 */
@SpringBootApplication
public class KaizalaStarterApplication {

    public static void main(String[] args) {
        SpringApplication.run(KaizalaStarterApplication.class, args);
    }

    @Bean
    KaizalaTokenStore applicationTokenStore() {
        return new InMemoryKaizalaTokenStore();
    }
}
