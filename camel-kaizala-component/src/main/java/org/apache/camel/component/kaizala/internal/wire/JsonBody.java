package org.apache.camel.component.kaizala.internal.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;

import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * A JSON request body already in memory. HttpCore's {@code BasicAsyncEntityProducer} does the same but formats its
 * {@code ContentType} into a new string each time the client asks for it (several times per request); this one
 * answers a constant.
 */
final class JsonBody implements AsyncEntityProducer {

    static final String CONTENT_TYPE = "application/json; charset=UTF-8";

    private final byte[] json;
    private ByteBuffer remaining;

    JsonBody(byte[] json) {
        this.json = json;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public String getContentType() {
        return CONTENT_TYPE;
    }

    @Override
    public long getContentLength() {
        return json.length;
    }

    @Override
    public int available() {
        return remaining == null ? json.length : remaining.remaining();
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return false;
    }

    @Override
    public Set<String> getTrailerNames() {
        return null;
    }

    @Override
    public void produce(DataStreamChannel channel) throws IOException {
        if (remaining == null) {
            remaining = ByteBuffer.wrap(json);
        }
        if (remaining.hasRemaining()) {
            channel.write(remaining);
        }
        if (!remaining.hasRemaining()) {
            channel.endStream();
        }
    }

    @Override
    public void failed(Exception cause) {
    }

    @Override
    public void releaseResources() {
        remaining = null;
    }
}
