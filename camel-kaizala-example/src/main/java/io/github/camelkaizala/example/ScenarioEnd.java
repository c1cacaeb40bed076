package io.github.camelkaizala.example;

import org.apache.camel.main.Main;

/** Ends the example once the results are posted, unless it was started with --keep-running. */
public class ScenarioEnd {

    private final Main main;
    private final boolean keepRunning;

    public ScenarioEnd(Main main, boolean keepRunning) {
        this.main = main;
        this.keepRunning = keepRunning;
    }

    public void finished() {
        if (keepRunning) {
            System.out.println("The scenario is over; --keep-running: still serving the webhook (Ctrl+C to stop)");
        } else {
            main.completed();
        }
    }
}
