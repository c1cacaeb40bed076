package io.github.camelkaizala.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.buffer.Buffer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kaizala.KaizalaEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
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
 * JMH, no network: one delivery as platform-http on Vert.x hands it over (a {@code Buffer} body, the request's headers)
 * through what each consumer does with it — {@code KAIZALA}: the component's callback handler (token check, parse,
 * de-duplication, headers) then the route; {@code BARE}: the route alone; {@code HAND}: the hand-written route. The
 * difference between KAIZALA and BARE is the component's own cost per event, in time and in bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EventBenchmark {

    @Param({"KAIZALA", "BARE", "HAND"})
    public String route;

    private CamelContext context;
    private Processor processor;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong routed = new AtomicLong();

    @Setup(Level.Trial)
    public void start() throws Exception {
        context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:kaizala").routeId("kaizala").process(e -> routed.incrementAndGet());
                from("direct:bare").routeId("bare").process(e -> {
                    routed.incrementAndGet();
                    e.getMessage().setBody(null);
                });
                from("direct:hand").routeId("hand")
                        .choice()
                        .when(header("kz-callback-token").isNotEqualTo(ConsumerBenchmark.CALLBACK_TOKEN))
                        .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(401))
                        .setBody(constant("unauthorized"))
                        .otherwise()
                        .unmarshal().json(Map.class)
                        .idempotentConsumer(simple("${body[eventId]}"),
                                MemoryIdempotentRepository.memoryIdempotentRepository(10_000))
                        .process(e -> routed.incrementAndGet())
                        .end()
                        .setBody(constant(null))
                        .end();
            }
        });
        context.start();
        processor = switch (route) {
            case "KAIZALA" -> context.getEndpoint("kaizala:events?groupId=" + EventPayload.GROUP_ID
                    + "&webhookAutoRegister=false&callbackToken=RAW("
                    + ConsumerBenchmark.CALLBACK_TOKEN + ")", KaizalaEndpoint.class)
                    .createWebhookHandler(context.getRoute("kaizala").getProcessor());
            case "BARE" -> context.getRoute("bare").getProcessor();
            case "HAND" -> context.getRoute("hand").getProcessor();
            default -> throw new IllegalArgumentException(route);
        };
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        context.close();
    }

    @Benchmark
    public Object deliver() throws Exception {
        byte[] json = EventPayload.json("jmh-" + ids.incrementAndGet());
        Exchange exchange = new DefaultExchange(context);
        var in = exchange.getMessage();
        in.setHeader(Exchange.HTTP_METHOD, "POST");
        in.setHeader(Exchange.HTTP_URI, "/kaizala/events/" + EventPayload.GROUP_ID);
        in.setHeader(Exchange.HTTP_PATH, "");
        in.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        in.setHeader(Exchange.CONTENT_LENGTH, Integer.toString(json.length));
        in.setHeader("Host", "127.0.0.1:8080");
        in.setHeader("User-Agent", "Apache-HttpAsyncClient/5.5.1 (Java/17)");
        in.setHeader("Connection", "keep-alive");
        in.setHeader("kz-callback-token", ConsumerBenchmark.CALLBACK_TOKEN);
        in.setBody(Buffer.buffer(json));
        processor.process(exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        Object status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE);
        if (status != null && !"200".equals(status.toString())) {
            throw new IllegalStateException("answered " + status);
        }
        return exchange;
    }
}
