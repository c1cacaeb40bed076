package io.github.camelkaizala.simulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.camelkaizala.simulator.Fault;
import io.github.camelkaizala.simulator.KaizalaSimulator;

/**
 * Every request goes through here: journal, fault plan, routing ({@code /v1/…} = token service,
 * {@code /{cluster}/v1/…} = resources), then for resources: access token (401), throttling (429), cluster
 * check (308), handler.
 */
public final class Dispatcher implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    private final Router tokenRoutes;
    private final Router resourceRoutes;
    private final Router adminRoutes;
    private final Consumer<String> requestLog; // null = none
    private final TokenService tokens;
    private final Throttle throttle; // null = no throttling
    private final BiFunction<String, String, Fault> faults; // the fault plan's next fault for (method, path), or null
    private final Function<Request, IntConsumer> journal; // records a request; the answer takes its status

    public Dispatcher(Router tokenRoutes, Router resourceRoutes, Router adminRoutes, TokenService tokens,
            Throttle throttle,
            BiFunction<String, String, Fault> faults, Function<Request, IntConsumer> journal,
            Consumer<String> requestLog) {
        this.tokenRoutes = tokenRoutes;
        this.resourceRoutes = resourceRoutes;
        this.adminRoutes = adminRoutes;
        this.requestLog = requestLog;
        this.tokens = tokens;
        this.throttle = throttle;
        this.faults = faults;
        this.journal = journal;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        try {
            Request request = Request.read(exchange);
            if (AdminApi.isAdmin(request)) { // the operator's side door: not journalled, no faults, no token
                Response response = answer(() -> {
                    Router.Match m = adminRoutes.match(request.method(), AdminApi.segments(request));
                    return m.handler().handle(new Call(request, m.params(), null));
                }, request);
                log(request, response.status(), started);
                send(exchange, response);
                return;
            }
            IntConsumer entry = journal.apply(request);
            Fault fault = faults.apply(request.method(), request.resourcePath());
            if (fault != null && fault.kind() == Fault.Kind.RESET) {
                entry.accept(-1);
                log(request, -1, started);
                exchange.close(); // no response headers sent: the JDK server drops the connection
                return;
            }
            if (fault != null && fault.kind() == Fault.Kind.STALL) {
                Thread.sleep(fault.delay().toMillis());
                fault = null;
            }
            Response response = fault == null ? serve(request) : faultAnswer(fault, request);
            if (request.upload() != null) {
                request.upload().drain(); // a client still sending its upload would not read the answer
            }
            entry.accept(response.status()); // before sending, so a client that got the answer sees it journalled
            log(request, response.status(), started);
            send(exchange, response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        } catch (IOException e) {
            exchange.close(); // the client went away
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator failure", e);
            exchange.close();
        }
    }

    private Response serve(Request request) {
        return answer(() -> route(request), request);
    }

    /** Runs a handler; refusals and HTTP errors become error answers, any other failure a 500. */
    private static Response answer(Supplier<Response> handler, Request request) {
        try {
            return handler.get();
        } catch (Refusal e) {
            return Response.of(ApiException.of(e));
        } catch (ApiException e) {
            return Response.of(e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handler failure on " + request.method() + " " + request.path(), e);
            return Response.error(500, "InternalServerError", "simulator failure: " + e.getClass().getSimpleName());
        }
    }

    private void log(Request request, int status, long started) {
        if (requestLog != null) {
            requestLog.accept(
                    request.method() + " " + request.path() + " -> " + (status < 0 ? "connection reset" : status)
                            + " (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
        }
    }

    private Response route(Request request) {
        if (request.segments() == null) {
            throw new ApiException(404, "NotFound", "no operation at " + request.path());
        }
        if (request.cluster() == null) {
            Router.Match m = tokenRoutes.match(request.method(), request.segments());
            return m.handler().handle(new Call(request, m.params(), null));
        }
        Router.Match m = resourceRoutes.match(request.method(), request.segments());
        TokenService.Grant caller = tokens.authenticate(request.header("accessToken"));
        if (throttle != null) {
            throttle.acquire(caller.applicationId(), caller.tenantId());
        }
        if (!tokens.cluster(caller.applicationId()).equals(request.cluster())) {
            return Response.moved(tokens.endpointUrl(caller.applicationId()));
        }
        return m.handler().handle(new Call(request, m.params(), caller));
    }

    private Response faultAnswer(Fault fault, Request request) {
        if (fault.kind() == Fault.Kind.RELOCATE) {
            return Response.moved(tokens.relocate(connectorOf(request)));
        }
        return Response.of(new ApiException(fault.statusCode(), errorCode(fault.statusCode()), "simulated fault",
                fault.retryAfterValue()));
    }

    /** The connector a request speaks for: its access token's, else its applicationId header's, else the default one. */
    private String connectorOf(Request request) {
        String byToken = tokens.applicationOf(request.header("accessToken"));
        if (byToken != null) {
            return byToken;
        }
        String byHeader = request.header("applicationId");
        return tokens.isRegistered(byHeader) ? byHeader : KaizalaSimulator.DEFAULT_APPLICATION_ID;
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalServerError";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> "Http" + status;
        };
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body() == null ? new byte[0] : Json.write(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
