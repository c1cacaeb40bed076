package io.github.camelkaizala.simulator;

import java.util.List;
import java.util.Optional;

import io.github.camelkaizala.simulator.internal.Store;

/**
 * What the simulator holds, for tests: immutable snapshots of groups (members, messages, sub-groups, subscribers,
 * actions and their responses, reactions), media and webhooks, and seeding methods acting as
 * {@link KaizalaSimulator#DEFAULT_USER_MOBILE} (Admin of the groups it seeds). Seeding makes events as the API
 * does ({@code createSubGroup} → GroupAdded on the parent, {@code createSurvey} → SurveyCreated).
 */
public final class SimulatorState {

    private final Store store;

    SimulatorState(Store store) {
        this.store = store;
    }

    /** Every group, in creation order. */
    public List<Group> groups() {
        return store.groups();
    }

    public Optional<Group> group(String groupId) {
        return store.group(groupId);
    }

    /** The action with that {@code actionId}, in whichever group it was posted. */
    public Optional<Action> action(String actionId) {
        return store.action(actionId);
    }

    /** Every upload, in order. */
    public List<Media> media() {
        return store.media();
    }

    /** The upload that answered this {@code mediaResource}. */
    public Optional<Media> media(String mediaResource) {
        return store.media(mediaResource);
    }

    /** Every webhook of every connector, in creation order (deleted ones are gone). */
    public List<Webhook> webhooks() {
        return store.webhooks();
    }

    public Optional<Webhook> webhook(String webhookId) {
        return store.webhook(webhookId);
    }

    /** Seeds a group of type {@code Group} whose Admin is {@link KaizalaSimulator#DEFAULT_USER_MOBILE}. */
    public Group createGroup(String name, String... memberMobiles) {
        return store.createGroup(name, memberMobiles);
    }

    /** Seeds a managed public group ({@code ConnectGroup}) whose Admin is {@link KaizalaSimulator#DEFAULT_USER_MOBILE}. */
    public Group createPublicGroup(String name, String... memberMobiles) {
        return store.createPublicGroup(name, memberMobiles);
    }

    /** Seeds a group of type {@code Group} linked below {@code parentGroupId} (GroupAdded on the parent). */
    public Group createSubGroup(String parentGroupId, String name, String... memberMobiles) {
        return store.createSubGroup(parentGroupId, name, memberMobiles);
    }

    /** Seeds subscribers of a public group; IllegalArgumentException for a plain group. */
    public Group addSubscribers(String groupId, String... mobiles) {
        return store.addSubscribers(groupId, mobiles);
    }

    /** Seeds a survey with one {@code Text} question per title, due in 24 hours, one response per person (SurveyCreated). */
    public Action createSurvey(String groupId, String title, String... questionTitles) {
        return store.createSurvey(groupId, title, questionTitles);
    }
}
