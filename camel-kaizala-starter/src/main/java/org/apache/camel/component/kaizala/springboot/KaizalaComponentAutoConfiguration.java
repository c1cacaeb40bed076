package org.apache.camel.component.kaizala.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.component.kaizala.KaizalaComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.kaizala.*} (bound to {@link KaizalaComponentConfiguration}) to the {@code kaizala}
 * component when Camel creates it, the way Camel's own starters configure their components: a
 * {@link ComponentCustomizer}. Off with {@code camel.component.kaizala.enabled = false} (or
 * {@code camel.component.enabled = false}); the customizer alone off with
 * {@code camel.component.kaizala.customizer.enabled = false}.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, KaizalaComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, KaizalaComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.kaizala"})
public class KaizalaComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final CamelContext camelContext;
    private final KaizalaComponentConfiguration configuration;

    public KaizalaComponentAutoConfiguration(ApplicationContext applicationContext, CamelContext camelContext,
            KaizalaComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.camelContext = camelContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureKaizalaComponent() {
        return new ComponentCustomizer() {

            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.kaizala.customizer")
                        && target instanceof KaizalaComponent;
            }
        };
    }
}
