package org.apache.camel.component.kaizala.internal.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.nio.entity.AbstractBinAsyncEntityConsumer;
import org.apache.hc.core5.http.nio.support.AbstractAsyncResponseConsumer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads an answer whole, as HttpClient's {@code SimpleResponseConsumer} does, but refuses one larger than
 * {@code maxResponseSize} bytes (0 or less: no limit) as soon as it passes the limit.
 */
final class CappedResponseConsumer extends AbstractAsyncResponseConsumer<SimpleHttpResponse, byte[]> {

    /** The answer passed the limit; {@link HttpTransport} turns it into a {@code KaizalaException}. */
    static final class TooLarge extends IOException {

        TooLarge(String message) {
            super(message);
        }
    }

    CappedResponseConsumer(long maxResponseSize, String request) {
        super(new AbstractBinAsyncEntityConsumer<byte[]>() {

            private final ByteArrayOutputStream content = new ByteArrayOutputStream();

            @Override
            protected void streamStart(ContentType contentType) {
            }

            @Override
            protected int capacityIncrement() {
                return Integer.MAX_VALUE;
            }

            @Override
            protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
                if (maxResponseSize > 0 && content.size() + (long) src.remaining() > maxResponseSize) {
                    throw new TooLarge("Kaizala's answer to " + request + " is larger than maxResponseSize ("
                            + maxResponseSize + " bytes); it was not read. Raise maxResponseSize if such an"
                            + " answer is expected");
                }
                byte[] chunk = new byte[src.remaining()];
                src.get(chunk);
                content.write(chunk, 0, chunk.length);
            }

            @Override
            protected byte[] generateContent() {
                return content.toByteArray();
            }

            @Override
            public void releaseResources() {
            }
        });
    }

    @Override
    public void informationResponse(HttpResponse response, HttpContext context) {
    }

    @Override
    protected SimpleHttpResponse buildResult(HttpResponse response, byte[] entity, ContentType contentType) {
        SimpleHttpResponse answer = SimpleHttpResponse.copy(response);
        if (entity != null) {
            answer.setBody(entity, contentType);
        }
        return answer;
    }
}
