package io.github.camelkaizala.jbang;

import org.apache.camel.dsl.jbang.core.commands.CamelJBangMain;

/**
 * The {@code camel} command of Camel JBang, on camel-jbang-core's classpath: what the JBang launcher
 * ({@code jbang camel@apache/camel}) starts, for a repository that serves camel-jbang-core but no launcher.
 */
public final class CamelJBang {

    private CamelJBang() {
    }

    public static void main(String[] args) {
        CamelJBangMain.run(args);
    }
}
