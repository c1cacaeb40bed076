package io.github.camelkaizala.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: one message sent and answered, per client, one thread. Run with the GC profiler, {@code gc.alloc.rate.norm} is
 * the bytes the client's JVM allocates per message (every thread: caller, Camel, HTTP I/O). The simulator runs in the
 * helper process; where and as whom to post comes in system properties ({@link #target()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SendBenchmark {

    static final String AUTH_URL = "bench.authUrl";
    static final String ENDPOINT_URL = "bench.endpointUrl";
    static final String GROUP_ID = "bench.groupId";
    static final String TOKEN = "bench.accessToken";

    @Param({"KAIZALA", "CAMEL_HTTP", "HTTPCLIENT5", "JDK"})
    public String client;

    private MessageClient sender;

    @Setup(Level.Trial)
    public void start() throws Exception {
        sender = MessageClient.Kind.valueOf(client).create(target());
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        sender.close();
    }

    @Benchmark
    public String send() throws Exception {
        return sender.send(MessageClient.TEXT);
    }

    static MessageClient.Target target() {
        return new MessageClient.Target(System.getProperty(AUTH_URL), System.getProperty(ENDPOINT_URL),
                System.getProperty(GROUP_ID), System.getProperty(TOKEN));
    }
}
