package io.github.camelkaizala.simulator.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelkaizala.simulator.Group;
import io.github.camelkaizala.simulator.Reaction;

/**
 * Reactions (§11): likes and comments on the messages and actions of a group ({@code sourceGroupId}, the path
 * group or one below it). Any member may react and read. Listings page by a numeric cursor (the .NET ticks of
 * the last reaction returned; {@code 0} or absent = from the start), {@link #PAGE} items a page: a page with
 * fewer items is the last, and passing its cursor back later returns only what came since.
 */
public final class ReactionsHandler {

    public static final int PAGE = 50;
    private static final List<String> TYPES = List.of("Like", "Comment");

    private final Store state;

    public ReactionsHandler(Store state) {
        this.state = state;
    }

    public void routes(Router r) {
        r.add("POST", "/groups/{groupId}/reaction", this::add);
        r.add("GET", "/groups/{groupId}/reaction/summary", this::groupSummary); // before {referenceId}
        r.add("GET", "/groups/{groupId}/reaction/{referenceId}/summary", this::summary);
        r.add("GET", "/groups/{groupId}/reaction/{referenceId}", this::details);
    }

    /** Body {@code {referenceId, sourceGroupId, reactionType, comment}}; answer {@code {reactionId}}. */
    private Response add(Call c) {
        Json.Fields body = Json.Fields.of(c.body());
        String referenceId = body.nonBlank("referenceId");
        String sourceGroupId = body.nonBlank("sourceGroupId");
        String type = body.oneOf("reactionType", TYPES, true);
        String comment = type.equals("Comment") ? body.nonBlank("comment") : null;
        Reaction r = state.react(c.param("groupId"), c.user(), sourceGroupId, referenceId, type, comment);
        return Response.ok(Json.obj("reactionId", r.reactionId()));
    }

    /** Answer {@code {summary: [{referenceId, reactionsCountMap: {like, comment}}]}}. */
    private Response summary(Call c) {
        Group source = source(c);
        String referenceId = c.param("referenceId");
        requireReference(source, referenceId);
        return Response.ok(Json.obj("summary", List.of(counts(source, referenceId))));
    }

    /**
     * Answer {@code {cursor, summary: [...]}}: the cards that got reactions after {@code cursor}, by their latest
     * reaction, each with its total counts.
     */
    private Response groupSummary(Call c) {
        Group source = source(c);
        long cursor = cursor(c);
        Map<String, Long> latest = new LinkedHashMap<>();
        source.reactions().stream().filter(r -> r.cursor() > cursor)
                .forEach(r -> latest.merge(r.referenceId(), r.cursor(), Math::max));
        List<Map.Entry<String, Long>> page = latest.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).limit(PAGE).toList();
        long next = page.isEmpty() ? cursor : page.get(page.size() - 1).getValue();
        return Response.ok(Json.obj("cursor", next,
                "summary", page.stream().map(e -> counts(source, e.getKey())).toList()));
    }

    /**
     * {@code reactionType} required. Answer {@code {cursor, reactionDetails: [{reactionId, userId, lastModifiedTime,
     * comment}]}} ({@code comment} only on comments), oldest first.
     */
    private Response details(Call c) {
        Group source = source(c);
        String referenceId = c.param("referenceId");
        String typeText = c.queryIgnoringCase("reactionType");
        if (typeText == null || typeText.isBlank()) {
            throw Json.missing("reactionType");
        }
        String type = Json.oneOf(typeText, "reactionType", TYPES);
        long cursor = cursor(c);
        requireReference(source, referenceId);
        List<Reaction> page = source.reactions().stream()
                .filter(r -> r.referenceId().equals(referenceId) && r.reactionType().equals(type)
                        && r.cursor() > cursor)
                .limit(PAGE).toList();
        long next = page.isEmpty() ? cursor : page.get(page.size() - 1).cursor();
        return Response.ok(Json.obj("cursor", next, "reactionDetails", page.stream().map(r -> {
            Map<String, Object> item = Json.obj("reactionId", r.reactionId(), "userId", r.userId(),
                    "lastModifiedTime", r.at().toEpochMilli());
            if (r.comment() != null) {
                item.put("comment", r.comment());
            }
            return item;
        }).toList()));
    }

    private Group source(Call c) {
        String sourceGroupId = c.queryIgnoringCase("sourceGroupId");
        if (sourceGroupId == null || sourceGroupId.isBlank()) {
            throw Json.missing("sourceGroupId");
        }
        return state.reactionGroup(c.param("groupId"), c.user(), sourceGroupId);
    }

    private static long cursor(Call c) {
        String text = c.queryIgnoringCase("cursor");
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Json.invalid("cursor", "must be 0 or a cursor returned by this operation, got '" + text + "'");
    }

    private static void requireReference(Group source, String referenceId) {
        boolean known = source.messages().stream().anyMatch(m -> m.referenceId().equals(referenceId))
                || source.actions().stream().anyMatch(a -> a.referenceId().equals(referenceId));
        if (!known) {
            throw Refusal.notFound("ReferenceNotFound",
                    "no message or action with referenceId '" + referenceId + "' in group '" + source.id() + "'");
        }
    }

    private static Map<String, Object> counts(Group source, String referenceId) {
        long likes = source.reactions().stream()
                .filter(r -> r.referenceId().equals(referenceId) && r.reactionType().equals("Like")).count();
        long comments = source.reactions().stream()
                .filter(r -> r.referenceId().equals(referenceId) && r.reactionType().equals("Comment")).count();
        return Json.obj("referenceId", referenceId, "reactionsCountMap", Json.obj("like", likes, "comment", comments));
    }
}
