package io.github.camelkaizala.cluster.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A user's Spring Boot application on several instances (docs/scale-out.md, Spring Boot): Spring Boot makes the
 * DataSource from {@code spring.datasource.*}, {@link ClusterBeans} declares the three beans of camel-kaizala-cluster,
 * the kaizala starter configures the component from {@code camel.component.kaizala.*}, and {@link EventRoutes} holds
 * the routes. Its configuration: {@code config/application.properties}.
 */
@SpringBootApplication
public class ClusterApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClusterApplication.class, args);
    }
}
