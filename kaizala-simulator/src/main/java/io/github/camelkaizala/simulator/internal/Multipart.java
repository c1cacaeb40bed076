package io.github.camelkaizala.simulator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming {@code multipart/form-data} reader (RFC 7578 / RFC 2046). Part headers are read into memory
 * (bounded); part contents pass through a 64 KiB window and are only counted, hashed (SHA-256) and sampled
 * (the first {@link #HEAD_BYTES} bytes), so an upload of any size costs constant memory.
 */
public final class Multipart {

    public static final int HEAD_BYTES = 256;
    private static final int MAX_PARTS = 100;
    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final int MAX_HEADER_LINES = 32;
    private static final byte[] CRLF = {'\r', '\n'};

    /**
     * One part as read. {@code name} and {@code fileName} come from {@code Content-Disposition} (null when
     * absent), {@code contentType} from the part's own {@code Content-Type} header, without parameters,
     * lower case (null when absent).
     */
    public record Part(String name, String fileName, String contentType, long size, String sha256, byte[] head) {}

    private Multipart() {
    }

    /** The {@code boundary} parameter of a {@code multipart/*} Content-Type, or null. */
    public static String boundary(String contentType) {
        return contentType == null ? null : parameters(contentType).get("boundary");
    }

    /**
     * Reads the whole body. {@code transcript} receives the boundaries and part headers as sent, with each
     * part's content replaced by {@code <N bytes>}. 400 on a malformed body.
     */
    public static List<Part> read(InputStream in, String boundary, StringBuilder transcript) throws IOException {
        byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Window w = new Window(in, CRLF); // a CRLF before the first boundary makes it match the delimiter
        if (!w.until(delimiter, null)) {
            throw malformed("no boundary '" + boundary + "' in the body");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int a = w.read();
            int b = w.read();
            if (a == '-' && b == '-') {
                transcript.append("--").append(boundary).append("--\r\n");
                w.until(new byte[]{-1, -2, -3}, null); // the epilogue: read to the end, never matches
                return parts;
            }
            while (a == ' ' || a == '\t') { // transport padding after a boundary
                a = b;
                b = w.read();
            }
            if (a != '\r' || b != '\n') {
                throw malformed("a boundary line is not followed by CRLF");
            }
            if (parts.size() == MAX_PARTS) {
                throw malformed("more than " + MAX_PARTS + " parts");
            }
            transcript.append("--").append(boundary).append("\r\n");
            Map<String, String> headers = headers(w, transcript);
            transcript.append("\r\n");
            Sink sink = new Sink();
            if (!w.until(delimiter, sink)) {
                throw malformed("the body ends before the closing boundary");
            }
            transcript.append('<').append(sink.size).append(" bytes>\r\n");
            Map<String, String> disposition = parameters(headers.getOrDefault("content-disposition", ""));
            String type = headers.get("content-type");
            String mime = type == null || type.isBlank() ? null : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            String fileName = disposition.containsKey("filename*") ? extended(disposition.get("filename*"))
                    : disposition.get("filename");
            parts.add(new Part(disposition.get("name"), fileName, mime, sink.size, sink.sha256(), sink.head()));
        }
    }

    private static Map<String, String> headers(Window w, StringBuilder transcript) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = 0;; n++) {
            if (n > MAX_HEADER_LINES) {
                throw malformed("a part has more than " + MAX_HEADER_LINES + " header lines");
            }
            Line line = new Line();
            if (!w.until(CRLF, line)) {
                throw malformed("the body ends inside the headers of a part");
            }
            String text = line.text();
            if (text.isEmpty()) {
                return headers;
            }
            transcript.append(text).append("\r\n");
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw malformed("a part header has no name: '" + text + "'");
            }
            headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
        }
    }

    /** The parameters of a header value such as {@code form-data; name="FileName"; filename="a.jpg"}; names in lower case. */
    public static Map<String, String> parameters(String headerValue) {
        Map<String, String> params = new LinkedHashMap<>();
        int i = headerValue.indexOf(';');
        while (i >= 0 && i < headerValue.length()) {
            int eq = headerValue.indexOf('=', i + 1);
            if (eq < 0) {
                break;
            }
            String name = headerValue.substring(i + 1, eq).trim().toLowerCase(Locale.ROOT);
            int p = eq + 1;
            while (p < headerValue.length() && headerValue.charAt(p) == ' ') {
                p++;
            }
            StringBuilder value = new StringBuilder();
            if (p < headerValue.length() && headerValue.charAt(p) == '"') {
                p++;
                while (p < headerValue.length() && headerValue.charAt(p) != '"') {
                    char c = headerValue.charAt(p);
                    if (c == '\\' && p + 1 < headerValue.length()) {
                        c = headerValue.charAt(++p);
                    }
                    value.append(c);
                    p++;
                }
                p = headerValue.indexOf(';', p);
            } else {
                int end = headerValue.indexOf(';', p);
                value.append(headerValue, p, end < 0 ? headerValue.length() : end);
                p = end;
            }
            params.putIfAbsent(name, value.toString().trim());
            i = p;
        }
        return params;
    }

    /** An RFC 5987 value such as {@code UTF-8''na%C3%AFve.jpg}. */
    private static String extended(String value) {
        int quote = value.indexOf("''");
        String encoded = quote < 0 ? value : value.substring(quote + 2);
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return encoded;
        }
    }

    private static Refusal malformed(String problem) {
        return Refusal.invalid("InvalidMultipart", "malformed multipart body: " + problem);
    }

    private interface Consumer {

        void accept(byte[] b, int off, int len);
    }

    /** Counts, hashes and samples a part's content. */
    private static final class Sink implements Consumer {

        private final MessageDigest digest;
        private final byte[] head = new byte[HEAD_BYTES];
        private long size;

        Sink() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void accept(byte[] b, int off, int len) {
            if (size < HEAD_BYTES) {
                System.arraycopy(b, off, head, (int) size, (int) Math.min(len, HEAD_BYTES - size));
            }
            digest.update(b, off, len);
            size += len;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }

        byte[] head() {
            return Arrays.copyOf(head, (int) Math.min(size, HEAD_BYTES));
        }
    }

    /** A header line, at most {@link #MAX_HEADER_LINE} bytes, UTF-8. */
    private static final class Line implements Consumer {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void accept(byte[] b, int off, int len) {
            if (bytes.size() + len > MAX_HEADER_LINE) {
                throw malformed("a part header line is longer than " + MAX_HEADER_LINE + " bytes");
            }
            bytes.write(b, off, len);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** A sliding window over the body. */
    private static final class Window {

        private final InputStream in;
        private final byte[] buf = new byte[64 * 1024];
        private int pos;
        private int end;
        private boolean eof;

        Window(InputStream in, byte[] prefix) {
            this.in = in;
            System.arraycopy(prefix, 0, buf, 0, prefix.length);
            end = prefix.length;
        }

        /** The next byte, or -1 at the end of the body. */
        int read() throws IOException {
            while (pos == end) {
                if (eof) {
                    return -1;
                }
                fill();
            }
            return buf[pos++] & 0xff;
        }

        /**
         * Passes every byte before the next {@code delimiter} to {@code sink} (null: discard) and consumes the
         * delimiter; false when the body ends first (everything read was passed on).
         */
        boolean until(byte[] delimiter, Consumer sink) throws IOException {
            while (true) {
                int at = indexOf(delimiter);
                if (at >= 0) {
                    pass(sink, at - pos);
                    pos = at + delimiter.length;
                    return true;
                }
                if (eof) {
                    pass(sink, end - pos);
                    return false;
                }
                pass(sink, Math.max(0, end - pos - (delimiter.length - 1))); // keep a possible partial match
                fill();
            }
        }

        private void pass(Consumer sink, int len) {
            if (sink != null && len > 0) {
                sink.accept(buf, pos, len);
            }
            pos += len;
        }

        private int indexOf(byte[] d) {
            byte first = d[0];
            outer : for (int i = pos; i <= end - d.length; i++) {
                if (buf[i] != first) {
                    continue;
                }
                for (int j = 1; j < d.length; j++) {
                    if (buf[i + j] != d[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, end - pos);
                end -= pos;
                pos = 0;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }
}
