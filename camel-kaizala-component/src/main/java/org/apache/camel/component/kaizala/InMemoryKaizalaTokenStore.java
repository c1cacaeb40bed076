package org.apache.camel.component.kaizala;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.kaizala.api.KaizalaTokenStore;

/** The default token store: a rotated refresh token lives as long as the JVM. */
public class InMemoryKaizalaTokenStore implements KaizalaTokenStore {

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @Override
    public String loadRefreshToken(String key) {
        return tokens.get(key);
    }

    @Override
    public void storeRefreshToken(String key, String refreshToken) {
        tokens.put(key, refreshToken);
    }

    @Override
    public String toString() {
        return "InMemoryKaizalaTokenStore[" + tokens.size() + " rotated token(s)]";
    }
}
