package io.github.camelkaizala.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: this JVM's java and class path. */
final class Jvm {

    /**
     * The benchmark JVMs log warnings only, on standard error (SLF4J Simple, the example's backend: these system
     * properties take precedence over the example's simplelogger.properties).
     */
    static final List<String> QUIET_LOGGING = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.logFile=System.err");

    private Jvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classPath() {
        return System.getProperty("java.class.path");
    }

    static List<String> command(List<String> jvmArgs, Class<?> main) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArgs);
        command.addAll(QUIET_LOGGING);
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        return command;
    }
}
