package org.apache.camel.component.kaizala;

import java.io.StringWriter;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures everything logged while open, at TRACE unless told otherwise — except HttpClient's own wire and header loggers, which print
 * request headers verbatim by design (documented in the user guide).
 */
final class LogCapture implements AutoCloseable {

    static final String[] HTTPCLIENT_VERBATIM_LOGGERS = {
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers"};

    private final StringWriter output = new StringWriter();
    private final LoggerContext loggers = (LoggerContext) LogManager.getContext(false);
    private final Configuration saved;
    private final WriterAppender appender;

    LogCapture() {
        this(Level.TRACE);
    }

    LogCapture(Level level) {
        Configuration config = loggers.getConfiguration();
        this.saved = config;
        appender = WriterAppender.newBuilder()
                .setName("capture")
                .setTarget(output)
                .setLayout(PatternLayout.newBuilder().withPattern("%-5level %c - %msg %throwable%n").build())
                .build();
        appender.start();
        config.addAppender(appender);
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.setLevel(level);
            logger.addAppender(appender, level, null);
        }
        for (String name : HTTPCLIENT_VERBATIM_LOGGERS) {
            config.addLogger(name, LoggerConfig.newBuilder().withLoggerName(name).withLevel(Level.INFO)
                    .withAdditivity(true).withConfig(config).build());
        }
        loggers.updateLoggers();
    }

    String text() {
        return output.toString();
    }

    @Override
    public void close() {
        for (String name : HTTPCLIENT_VERBATIM_LOGGERS) {
            saved.removeLogger(name);
        }
        for (LoggerConfig logger : saved.getLoggers().values()) {
            logger.removeAppender("capture");
        }
        appender.stop();
        loggers.reconfigure();
    }
}
