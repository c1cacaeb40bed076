package io.github.camelkaizala.example;

import java.util.List;

import io.github.camelkaizala.simulator.KaizalaSimulator;

/**
 * The group's members answering the survey on their phones. With the embedded simulator, it plays them: each member
 * answers a moment apart, and Kaizala (the simulator) calls the webhook. With a real tenant, people answer; this bean
 * only says so.
 */
public class GroupMembers {

    private static final List<String[]> ANSWERS = List.of(
            new String[]{"+15550100001", "Store 17", "Good"},
            new String[]{"+15550100002", "Store 23", "Needs attention"},
            new String[]{"+15550100003", "Store 31", "Good"});

    private final KaizalaSimulator simulator;
    private final String groupId;

    public GroupMembers(KaizalaSimulator simulator, String groupId) {
        this.simulator = simulator;
        this.groupId = groupId;
    }

    public static List<String> mobiles() {
        return ANSWERS.stream().map(a -> a[0]).toList();
    }

    public void askToAnswer(String actionId) {
        if (simulator == null) {
            System.out.println("[group] the members answer the survey in their Kaizala app");
            return;
        }
        Thread members = new Thread(() -> {
            for (String[] answer : ANSWERS) {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                System.out.println("[group] " + answer[0] + " answers on their phone: " + answer[1] + ", " + answer[2]);
                simulator.human(answer[0]).answerSurvey(groupId, actionId, answer[1], answer[2]);
            }
        }, "simulated-members");
        members.setDaemon(true);
        members.start();
    }

    public static int expectedAnswers() {
        return ANSWERS.size();
    }
}
