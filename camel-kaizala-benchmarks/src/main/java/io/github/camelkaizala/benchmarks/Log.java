package io.github.camelkaizala.benchmarks;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Progress on stderr (stdout carries the report). */
final class Log {

    private Log() {
    }

    static void info(String format, Object... args) {
        System.err.println(
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(Locale.ROOT, format, args));
    }
}
