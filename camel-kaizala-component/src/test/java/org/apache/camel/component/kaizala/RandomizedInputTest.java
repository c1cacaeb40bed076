package org.apache.camel.component.kaizala;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.component.kaizala.api.KaizalaConstants;
import org.apache.camel.component.kaizala.api.KaizalaException;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random bodies, headers and option values for every operation (a fixed seed, a bounded number of rounds): every
 * exchange ends within a few seconds, and every failure is a Kaizala exception (or a refused endpoint URI) whose
 * message says something — never a NullPointerException, a ClassCastException or a hang.
 */
class RandomizedInputTest extends KaizalaTestSupport {

    private static final int ROUNDS = 1500;
    private static final String[] HEADERS = {
            KaizalaConstants.GROUP_ID, KaizalaConstants.SUB_GROUP_ID, KaizalaConstants.MEMBER_ID,
            KaizalaConstants.ACTION_ID,
            KaizalaConstants.REFERENCE_ID, KaizalaConstants.WEBHOOK_ID, KaizalaConstants.UPDATE_RESPONSE_ID,
            KaizalaConstants.SUBSCRIBERS, KaizalaConstants.SEND_TO_ALL_SUBSCRIBERS, KaizalaConstants.ACTION_TYPE,
            KaizalaConstants.CURSOR, KaizalaConstants.COUNT, KaizalaConstants.ALL_PAGES, KaizalaConstants.TITLE,
            KaizalaConstants.REACTION_TYPE, KaizalaConstants.ROLE, KaizalaConstants.OBJECT_ID,
            KaizalaConstants.OBJECT_TYPE,
            KaizalaConstants.MOBILE_NUMBER, KaizalaConstants.FILE_NAME, KaizalaConstants.MEDIA_TYPE,
            KaizalaConstants.CAPTION,
            KaizalaConstants.MEDIA_RESOURCE, KaizalaConstants.GET_DETAILS, KaizalaConstants.SHOW_DETAIL,
            KaizalaConstants.OPERATION, KaizalaConstants.SOURCE_GROUP_ID, KaizalaConstants.FROM_DATE,
            KaizalaConstants.ACTION_PACKAGE_ID};
    private static final String[] OPTIONS = {
            "groupId", "subscribers", "sendToAllSubscribers", "maxMessageLength", "count", "allPages", "actionType",
            "reactionType", "role", "objectType", "mediaType", "fileName", "title", "getDetails", "showDetail",
            "cursor",
            "maxRetries", "responseTimeout", "eventTypes", "actionPackageId", "memberId"};

    private final Random random = new Random(20261122);
    private String realGroup;

    private Object randomValue(int depth) {
        return switch (random.nextInt(depth > 2 ? 9 : 13)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> randomText();
            case 3 -> "+1555010" + String.format("%04d", random.nextInt(10000));
            case 4 -> random.nextInt(2000) - 1000;
            case 5 -> random.nextBoolean();
            case 6 -> random.nextDouble();
            case 7 -> randomText().getBytes(StandardCharsets.UTF_8);
            case 8 -> realGroup;
            case 9 -> randomMap(depth + 1);
            case 10 -> randomList(depth + 1);
            case 11 -> "{" + randomText() + ":" + randomText() + "}";
            default -> List.of(randomText(), randomText());
        };
    }

    private String randomText() {
        String[] samples = {"Survey", "Job", "Like", "Comment", "Admin", "Group", "Text", "true", "false", "0", "-1",
                "{", "}", "[", "\"", "null", "a,b,,c", "+", "%", "photo.png", "x".repeat(5000), "\u00e9\u00e8\u2603",
                " ",
                "https://h.example/cb", "ftp://x", "2026-05-21T04:30:00Z", "tomorrow", "SingleOption"};
        return samples[random.nextInt(samples.length)];
    }

    private Map<String, Object> randomMap(int depth) {
        String[] keys = {"message", "Message", "name", "welcomeMessage", "members", "title", "questions", "type",
                "options", "choices", "question", "assignedTo", "dueDate", "startingTime", "duration", "answers",
                "Answers",
                "reactionType", "comment", "callBackUrl", "eventTypes", "objectId", "objectType", "subGroups",
                "subscribers", "mediaResource", "actionBody", "id", "isCompleted", "Active", "role", "pin",
                "mobileNumber"};
        Map<String, Object> map = new HashMap<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
            map.put(keys[random.nextInt(keys.length)], randomValue(depth));
        }
        return map;
    }

    private List<Object> randomList(int depth) {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            list.add(randomValue(depth));
        }
        return list;
    }

    /** Whatever a test left behind: every exchange of the context must complete, none may hang. */
    @AfterEach
    void everyExchangeCompleted() throws InterruptedException {
        ExchangesComplete.assertNoneLeft(context, java.time.Duration.ofSeconds(30));
    }

    @Test
    void randomInputNeverEndsInAnUnclearFailureOrAHang() throws Exception {
        realGroup = newGroup("Random");
        List<KaizalaOperation> operations = List.of(KaizalaOperation.values());
        int sent = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            KaizalaOperation operation = operations.get(random.nextInt(operations.size()));
            StringBuilder uri = new StringBuilder("kaizala:" + operation.id() + "?maxRetries=0&responseTimeout=3000");
            for (int i = random.nextInt(3); i > 0; i--) {
                uri.append('&').append(OPTIONS[random.nextInt(OPTIONS.length)]).append("=RAW(").append(randomText())
                        .append(')');
            }
            Map<String, Object> headers = new HashMap<>();
            for (int i = random.nextInt(5); i > 0; i--) {
                Object value = randomValue(0);
                if (value != null) {
                    headers.put(HEADERS[random.nextInt(HEADERS.length)], value);
                }
            }
            Object body = randomValue(0);
            String description = "round " + round + ": " + uri + " headers=" + headers.keySet() + " body="
                    + (body == null ? null : body.getClass().getSimpleName());

            Exchange exchange;
            try {
                CompletableFuture<Exchange> future = template.asyncSend(uri.toString(), e -> {
                    e.getMessage().setBody(body);
                    e.getMessage().setHeaders(headers);
                });
                exchange = future.get(15, TimeUnit.SECONDS);
            } catch (ResolveEndpointFailedException e) {
                assertThat(e.getMessage()).as(description).isNotBlank();
                refused++;
                continue;
            }
            Exception error = exchange.getException();
            if (error == null) {
                sent++;
                continue;
            }
            if (error instanceof ResolveEndpointFailedException
                    || error instanceof org.apache.camel.FailedToCreateProducerException
                    || error instanceof IllegalArgumentException) {
                refused++;
                assertThat(error.getMessage()).as(description).isNotBlank();
                continue;
            }
            assertThat(error).as(description).isInstanceOf(KaizalaException.class);
            assertThat(error.getMessage()).as(description).isNotBlank().doesNotContain("null:");
            for (Throwable t = error; t != null; t = t.getCause()) {
                assertThat(t).as(description).isNotInstanceOfAny(NullPointerException.class, ClassCastException.class,
                        IndexOutOfBoundsException.class);
            }
            if (error instanceof KaizalaValidationException validation) {
                assertThat(validation.getField()).as(description).isNotBlank();
            }
        }
        assertThat(sent + refused).isLessThan(ROUNDS); // most random input is refused with a validation error
    }
}
