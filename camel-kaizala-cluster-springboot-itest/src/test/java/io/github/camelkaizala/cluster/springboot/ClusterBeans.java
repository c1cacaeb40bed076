package io.github.camelkaizala.cluster.springboot;

import javax.sql.DataSource;

import io.github.camelkaizala.cluster.LeasedJdbcMessageIdRepository;
import io.github.camelkaizala.cluster.PostgresKaizalaRateLimiter;
import io.github.camelkaizala.cluster.PostgresSubscriptionLock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class ClusterBeans {

    @Bean
    @ConfigurationProperties("kaizala.cluster.event-ids")
    LeasedJdbcMessageIdRepository eventIds(DataSource dataSource) {
        LeasedJdbcMessageIdRepository ids = new LeasedJdbcMessageIdRepository();
        ids.setDataSource(dataSource);
        return ids;
    }

    @Bean
    @ConfigurationProperties("kaizala.cluster.rate-limiter")
    PostgresKaizalaRateLimiter kaizalaRateLimiter(DataSource dataSource) {
        PostgresKaizalaRateLimiter limiter = new PostgresKaizalaRateLimiter();
        limiter.setDataSource(dataSource);
        return limiter;
    }

    @Bean
    @ConfigurationProperties("kaizala.cluster.subscription-lock")
    PostgresSubscriptionLock kaizalaSubscriptionLock(DataSource dataSource) {
        PostgresSubscriptionLock lock = new PostgresSubscriptionLock();
        lock.setDataSource(dataSource);
        return lock;
    }
}
