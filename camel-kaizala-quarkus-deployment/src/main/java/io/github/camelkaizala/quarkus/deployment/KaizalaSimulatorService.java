package io.github.camelkaizala.quarkus.deployment;

import io.github.camelkaizala.simulator.KaizalaSimulator;

/** The Kaizala simulator as a Dev Service: runs in the build's JVM on a free port of 127.0.0.1, with one group seeded. */
final class KaizalaSimulatorService implements AutoCloseable {

    private final String groupName;
    private final KaizalaSimulator simulator;
    private final String groupId;

    KaizalaSimulatorService(String groupName) {
        this.groupName = groupName;
        this.simulator = KaizalaSimulator.start();
        this.groupId = simulator.state().createGroup(groupName).id();
    }

    String baseUri() {
        return simulator.baseUri();
    }

    String authUrl() {
        return simulator.authUrl();
    }

    String groupId() {
        return groupId;
    }

    String groupName() {
        return groupName;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
