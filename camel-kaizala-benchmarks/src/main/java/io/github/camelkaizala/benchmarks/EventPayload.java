package io.github.camelkaizala.benchmarks;

import java.nio.charset.StandardCharsets;

/** The delivery every consumer receives: Kaizala's TextMessageCreated event (reference §12.3), ~520 bytes. */
final class EventPayload {

    static final String GROUP_ID = "7893777d-3eb6-4604-a0c8-5e002abdb410";

    private static final byte[] HEAD = ("{\n"
            + "  \"objectId\": \"" + GROUP_ID + "\",\n"
            + "  \"objectType\": \"Group\",\n"
            + "  \"eventType\": \"TextMessageCreated\",\n"
            + "  \"eventId\": \"").getBytes(StandardCharsets.UTF_8);
    private static final byte[] TAIL = ("\",\n"
            + "  \"data\": {\n"
            + "    \"text\": \"Stock for SKU 1142 has arrived at the Pune depot.\"\n"
            + "  },\n"
            + "  \"context\": \"crm-sync:tenant-42\",\n"
            + "  \"fromUser\": \"+919800000102\",\n"
            + "  \"fromUserId\": \"9d01c0a5-50e2-4057-bb23-f6a240743482\",\n"
            + "  \"fromUserName\": \"Meera Iyer\",\n"
            + "  \"fromUserProfilePic\": \"https://profiles.example.com/9d01c0a5/avatar.jpg\"\n"
            + "}\n").getBytes(StandardCharsets.UTF_8);

    private EventPayload() {
    }

    static byte[] json(String eventId) {
        byte[] id = eventId.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[HEAD.length + id.length + TAIL.length];
        System.arraycopy(HEAD, 0, all, 0, HEAD.length);
        System.arraycopy(id, 0, all, HEAD.length, id.length);
        System.arraycopy(TAIL, 0, all, HEAD.length + id.length, TAIL.length);
        return all;
    }
}
