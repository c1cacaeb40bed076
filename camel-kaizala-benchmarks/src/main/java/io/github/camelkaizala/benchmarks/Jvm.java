package io.github.camelkaizala.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs: this JVM's java and class path. */
final class Jvm {

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
        command.add("-Dlog4j2.configurationFile=bench-log4j2.properties");
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        return command;
    }
}
