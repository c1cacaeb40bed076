package org.apache.camel.component.kaizala;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.camel.component.kaizala.internal.wire.LocalRateLimiter;
import org.apache.camel.component.kaizala.internal.wire.Waits;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What paces and times calls measures time with {@code System.nanoTime()}, never the wall clock: a wall clock stepped
 * back (NTP, a VM resumed) would otherwise stall the rate limiter or the waits, and one stepped forward would release
 * them early. A test cannot step the machine's clock, so this reads the classes' code: the rate limiter, the waits,
 * the request deadlines and the completion threads call no wall-clock method.
 */
class MonotonicClockTest {

    private static final Class<?>[] TIMERS = {LocalRateLimiter.class, Waits.class, CompletionThreads.class,
            KaizalaProducer.class};

    @Test
    void pacingAndWaitsNeverReadTheWallClock() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importClasses(TIMERS);
        wallClockRule().check(classes);
    }

    @Test
    void theRuleCatchesAWallClockRead() {
        JavaClasses classes = new ClassFileImporter().importClasses(ReadsTheWallClock.class);
        assertThat(wallClockRule().evaluate(classes).hasViolation()).isTrue();
    }

    private static ArchRule wallClockRule() {
        return noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethodWhere(target(owner(belongToAnyOf(Instant.class, Clock.class, Date.class,
                        LocalDateTime.class))))
                .because("pacing and timeouts must not move when the wall clock is stepped: use System.nanoTime()");
    }

    /** A class that does what the rule forbids, to show the rule fails on it. */
    static final class ReadsTheWallClock {

        long now() {
            return System.currentTimeMillis();
        }
    }
}
