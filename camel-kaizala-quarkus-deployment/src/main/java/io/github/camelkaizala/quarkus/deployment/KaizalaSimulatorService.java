package io.github.camelkaizala.quarkus.deployment;

import io.github.camelkaizala.simulator.KaizalaSimulator;
import io.quarkus.deployment.builditem.Startable;

/** The Kaizala simulator as a Dev Service: started in the build's JVM on a free port of 127.0.0.1, one group seeded. */
final class KaizalaSimulatorService implements Startable {

    private final String groupName;
    private volatile KaizalaSimulator simulator;
    private volatile String groupId;

    KaizalaSimulatorService(String groupName) {
        this.groupName = groupName;
    }

    @Override
    public void start() {
        simulator = KaizalaSimulator.start();
        groupId = simulator.state().createGroup(groupName).id();
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
    public String getConnectionInfo() {
        return simulator.baseUri();
    }

    @Override
    public String getContainerId() {
        return null; // in-process, no container
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
