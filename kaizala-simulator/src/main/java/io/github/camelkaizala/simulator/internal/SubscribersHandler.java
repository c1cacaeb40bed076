package io.github.camelkaizala.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Subscribers of managed public groups (§6): list (a POST, with cursor paging), add, remove. A plain group
 * answers 400 {@code NotAPublicGroup}. Listing needs read access; adding and removing an Admin.
 */
public final class SubscribersHandler {

    public static final int MAX_PAGE = 50;

    private final Store state;

    public SubscribersHandler(Store state) {
        this.state = state;
    }

    public void routes(Router r) {
        r.add("POST", "/groups/{groupId}/subscribers", this::list);
        r.add("PUT", "/groups/{groupId}/subscribers/add", this::add);
        r.add("PUT", "/groups/{groupId}/subscribers/remove", this::remove);
    }

    /**
     * Body {@code {count (1..50, default 50), cursor}} (an empty body is the first page of 50). Answer
     * {@code {subscribers: [{id, mobileNumber, name, profilePic, isProvisioned}], cursor}}, {@code cursor} only
     * when another page exists.
     */
    private Response list(Call c) {
        Json.Fields body = Json.Fields.of(c.request().body().isBlank() ? Json.MAPPER.createObjectNode() : c.body());
        long count = body.positive("count", MAX_PAGE);
        if (count > MAX_PAGE) {
            throw Json.invalid("count", "must be at most " + MAX_PAGE + ", got " + count);
        }
        String cursor = body.text("cursor", false);
        Store.SubscriberPage page = state.subscribers(c.param("groupId"), c.user(), (int) count, cursor);
        Map<String, Object> answer = Json.obj("subscribers", page.subscribers().stream()
                .map(s -> Json.obj("id", s.id(), "mobileNumber", s.mobileNumber(), "name", s.name(), "profilePic", "",
                        "isProvisioned", s.provisioned()))
                .toList());
        if (page.cursor() != null) {
            answer.put("cursor", page.cursor());
        }
        return Response.ok(answer);
    }

    /** Answer {@code {result: {"+…": {isAdded: true}, "+…": {isAdded: false, reason: "AlreadySubscribed"}}}}. */
    private Response add(Call c) {
        return Response.ok(result(state.subscribe(c.param("groupId"), c.user(), numbers(c)), "isAdded"));
    }

    /** Answer {@code {result: {"+…": {isRemoved: true}, "+…": {isRemoved: false, reason: "NotSubscribed"}}}}. */
    private Response remove(Call c) {
        return Response.ok(result(state.unsubscribe(c.param("groupId"), c.user(), numbers(c)), "isRemoved"));
    }

    private static List<String> numbers(Call c) {
        List<String> numbers = Json.Fields.of(c.body()).strings("subscribers");
        if (numbers == null) {
            throw Json.missing("subscribers");
        }
        if (numbers.isEmpty()) {
            throw Json.invalid("subscribers", "must not be empty");
        }
        return numbers;
    }

    private static Map<String, Object> result(Map<String, String> outcome, String flag) {
        Map<String, Object> result = new LinkedHashMap<>();
        outcome.forEach((number, reason) -> result.put(number,
                reason == null ? Json.obj(flag, true) : Json.obj(flag, false, "reason", reason)));
        return Json.obj("result", result);
    }
}
