package org.apache.camel.component.kaizala.internal.operation;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.component.kaizala.api.KaizalaException;
import org.apache.camel.component.kaizala.api.KaizalaValidationException;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.nio.DataStreamChannel;

/**
 * The multipart body of media/upload (reference §8.1), streamed: the file is read in 64 KiB pieces while it is sent,
 * never held whole in memory. A File, Path or byte[] body can be sent again (after a 401 or a 308); an InputStream
 * only once.
 */
public final class MediaUpload {

    /** The file types Kaizala accepts (reference §8), by extension, with the attachment type each posts as. */
    private static final Map<String, String[]> TYPES = new LinkedHashMap<>();

    static {
        type("Image", "image/jpeg", "jpg", "jpeg");
        type("Image", "image/png", "png");
        type("Audio", "audio/mpeg", "mp3");
        type("Audio", "audio/wav", "wav");
        type("Document", "application/msword", "doc");
        type("Document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
        type("Document", "application/vnd.ms-excel", "xls");
        type("Document", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        type("Document", "application/vnd.ms-powerpoint", "ppt");
        type("Document", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
        type("Document", "application/pdf", "pdf");
        type("Video", "video/mp4", "mp4");
        type("Video", "video/3gpp", "3gpp", "3gp");
    }

    private static void type(String actionType, String mediaType, String... extensions) {
        for (String extension : extensions) {
            TYPES.put(extension, new String[]{mediaType, actionType});
        }
    }

    private static final int CHUNK = 64 * 1024;

    private final String fileName;
    private final String mediaType;
    private final Source source;

    private MediaUpload(String fileName, String mediaType, Source source) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.source = source;
    }

    /** Reads and checks what to upload: the content, its name and its type; nothing is read from the content yet. */
    public static MediaUpload from(OperationInput input) {
        Object body = input.body();
        Exchange exchange = input.exchange();
        Source source;
        String defaultName = null;
        if (body instanceof byte[] bytes) {
            source = new Source(() -> Channels.newChannel(new java.io.ByteArrayInputStream(bytes)), bytes.length, true);
        } else if (body instanceof Path path) {
            source = fileSource(path);
            defaultName = path.getFileName().toString();
        } else if (body instanceof File file) {
            source = fileSource(file.toPath());
            defaultName = file.getName();
        } else if (body instanceof InputStream stream) {
            source = streamSource(stream);
        } else {
            File file = body == null ? null
                    : exchange.getContext().getTypeConverter().tryConvertTo(File.class, exchange, body);
            if (file != null && file.isFile()) {
                source = fileSource(file.toPath());
                defaultName = file.getName();
            } else {
                InputStream stream = body == null
                        ? null
                        : exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
                if (stream == null) {
                    throw new KaizalaValidationException("body",
                            "the file to upload: a File, Path, InputStream or byte[]"
                                    + (body == null ? "" : ", got a " + body.getClass().getSimpleName()));
                }
                source = streamSource(stream);
            }
        }
        String fileName = input.string(Parameter.FILE_NAME);
        if (fileName == null) {
            fileName = defaultName != null ? defaultName
                    : exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        }
        if (fileName == null) {
            String path = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
            fileName = path == null ? null
                    : path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        }
        fileName = Validate.required("fileName", fileName, Parameter.FILE_NAME.hint()
                + " (Kaizala needs a file name, e.g. report.pdf)");
        String mediaType = input.string(Parameter.MEDIA_TYPE);
        if (mediaType == null) {
            String[] known = TYPES.get(extension(fileName));
            if (known == null) {
                throw new KaizalaValidationException("mediaType", "cannot tell the type of '" + fileName
                        + "'; " + Parameter.MEDIA_TYPE.hint()
                        + " to one Kaizala accepts: " + supportedTypes());
            }
            mediaType = known[0];
        } else if (!isSupported(mediaType)) {
            throw new KaizalaValidationException("mediaType",
                    "Kaizala accepts " + supportedTypes() + "; got '" + mediaType + "'");
        }
        return new MediaUpload(fileName, mediaType.toLowerCase(Locale.ROOT), source);
    }

    /** media/upload's body: the exchange's file, checked, in the configured multipart field. */
    public static Supplier<AsyncEntityProducer> entity(OperationInput input) {
        return from(input).entity(input.options().mediaFieldName());
    }

    /** The multipart body: one part named {@code fieldName} holding the file. */
    public Supplier<AsyncEntityProducer> entity(String fieldName) {
        String boundary = "kaizala-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + quote(fieldName) + "\"; filename=\"" + quote(fileName)
                + "\"\r\n"
                + "Content-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return () -> new MultipartProducer(boundary, head, source, tail);
    }

    /** The attachment type (Image, Audio, Document, Video) the uploaded file posts as. */
    public String actionType() {
        for (String[] type : TYPES.values()) {
            if (type[0].equals(mediaType)) {
                return type[1];
            }
        }
        return "Document";
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    private static boolean isSupported(String mediaType) {
        return TYPES.values().stream().anyMatch(t -> t[0].equalsIgnoreCase(mediaType));
    }

    private static String supportedTypes() {
        return String.join(", ", TYPES.values().stream().map(t -> t[0]).distinct().toList());
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "");
    }

    private static Source fileSource(Path path) {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new KaizalaValidationException("body", "no readable file at " + path);
        }
        try {
            long size = Files.size(path);
            return new Source(() -> {
                try {
                    return FileChannel.open(path, StandardOpenOption.READ);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, size, true);
        } catch (IOException e) {
            throw new KaizalaValidationException("body", "cannot read " + path + ": " + e.getMessage());
        }
    }

    private static Source streamSource(InputStream stream) {
        AtomicBoolean opened = new AtomicBoolean();
        return new Source(() -> {
            if (!opened.compareAndSet(false, true)) {
                throw new KaizalaException(
                        "media/upload: an InputStream body can be sent only once, and Kaizala asked for"
                                + " it again (after a 401 or 308); use a File, Path or byte[] body to allow that");
            }
            return Channels.newChannel(stream);
        }, -1, false);
    }

    /** Where the file's bytes come from; {@code length} is -1 when unknown (sent chunked). */
    private record Source(Supplier<ReadableByteChannel> open, long length, boolean repeatable) {}

    /** Writes head, file, tail as the connection takes them: one 64 KiB buffer, whatever the file's size. */
    private static final class MultipartProducer implements AsyncEntityProducer {

        private final String boundary;
        private final ByteBuffer head;
        private final ByteBuffer tail;
        private final Source source;
        private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        private ReadableByteChannel content;
        private boolean contentDone;

        MultipartProducer(String boundary, byte[] head, Source source, byte[] tail) {
            this.boundary = boundary;
            this.head = ByteBuffer.wrap(head);
            this.tail = ByteBuffer.wrap(tail);
            this.source = source;
            this.chunk.flip();
        }

        @Override
        public boolean isRepeatable() {
            return source.repeatable();
        }

        @Override
        public String getContentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        @Override
        public long getContentLength() {
            return source.length() < 0 ? -1 : head.capacity() + source.length() + tail.capacity();
        }

        @Override
        public int available() {
            return Integer.MAX_VALUE;
        }

        @Override
        public String getContentEncoding() {
            return null;
        }

        @Override
        public boolean isChunked() {
            return source.length() < 0;
        }

        @Override
        public Set<String> getTrailerNames() {
            return null;
        }

        @Override
        public void produce(DataStreamChannel channel) throws IOException {
            if (head.hasRemaining()) {
                channel.write(head);
                if (head.hasRemaining()) {
                    return;
                }
            }
            while (!contentDone) {
                if (!chunk.hasRemaining()) {
                    if (content == null) {
                        content = source.open().get();
                    }
                    chunk.clear();
                    int read = content.read(chunk);
                    chunk.flip();
                    if (read < 0) {
                        contentDone = true;
                        content.close();
                        break;
                    }
                }
                channel.write(chunk);
                if (chunk.hasRemaining()) {
                    return;
                }
            }
            channel.write(tail);
            if (!tail.hasRemaining()) {
                channel.endStream();
            }
        }

        @Override
        public void failed(Exception cause) {
            releaseResources();
        }

        @Override
        public void releaseResources() {
            if (content != null) {
                try {
                    content.close();
                } catch (IOException e) {
                    // nothing more to release
                }
                content = null;
            }
        }
    }
}
