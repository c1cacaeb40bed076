package org.apache.camel.component.kaizala.internal.wire;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

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

    /** {@code method} and {@code path}: the request, named in the error when the answer is too large. */
    CappedResponseConsumer(long maxResponseSize, String method, String path) {
        super(new AbstractBinAsyncEntityConsumer<byte[]>() {

            /** The answer so far; usually one piece, handed on as it is. */
            private byte[] content = new byte[0];
            private int length;

            @Override
            protected void streamStart(ContentType contentType) {
            }

            @Override
            protected int capacityIncrement() {
                return Integer.MAX_VALUE;
            }

            @Override
            protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
                int size = src.remaining();
                if (maxResponseSize > 0 && length + (long) size > maxResponseSize) {
                    throw new TooLarge(
                            "Kaizala's answer to " + method + " " + path + " is larger than maxResponseSize ("
                                    + maxResponseSize + " bytes); it was not read. Raise maxResponseSize if such an"
                                    + " answer is expected");
                }
                if (length + size > content.length) {
                    content = Arrays.copyOf(content, length == 0 ? size : Math.max(length + size, 2 * content.length));
                }
                src.get(content, length, size);
                length += size;
            }

            @Override
            protected byte[] generateContent() {
                return length == content.length ? content : Arrays.copyOf(content, length);
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
