package io.github.camelkaizala.simulator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a method and a path template such as {@code /groups/{groupId}/members/{memberId}} to a handler.
 * Literal segments match case-insensitively (the service did); {@code {name}} segments bind one decoded
 * segment. Routes are tried in registration order.
 */
public final class Router {

    @FunctionalInterface
    public interface Handler {

        Response handle(Call call);
    }

    public record Match(Handler handler, Map<String, String> params) {}

    private record Route(String method, List<String> template, Handler handler) {

        Map<String, String> bind(List<String> segments) {
            if (segments.size() != template.size()) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < template.size(); i++) {
                String t = template.get(i);
                if (t.startsWith("{") && t.endsWith("}")) {
                    params.put(t.substring(1, t.length() - 1), segments.get(i));
                } else if (!t.equalsIgnoreCase(segments.get(i))) {
                    return null;
                }
            }
            return params;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String template, Handler handler) {
        List<String> parts = Arrays.stream(template.split("/")).filter(s -> !s.isEmpty()).toList();
        routes.add(new Route(method, parts, handler));
        return this;
    }

    /** The matching route; 404 when no template matches, 405 when only the method differs. */
    public Match match(String method, List<String> segments) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = route.bind(segments);
            if (params != null) {
                if (route.method.equals(method)) {
                    return new Match(route.handler, params);
                }
                pathKnown = true;
            }
        }
        String path = "/" + String.join("/", segments);
        throw pathKnown
                ? new ApiException(405, "MethodNotAllowed", method + " is not supported on " + path)
                : new ApiException(404, "NotFound", "no operation at " + method + " " + path);
    }
}
