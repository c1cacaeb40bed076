package io.github.camelkaizala.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * One {@code POST /media} upload (§8.1): the {@code mediaResource} it answered, the action type its files
 * suit ({@code Image}, {@code Album} for several images, {@code Audio}, {@code Video}, {@code Document}), its
 * files (usually one), who uploaded it and when.
 */
public record Media(String id, String mediaResource, String actionType, List<MediaFile> files, String uploader,
        Instant uploadedAt) {

    public Media {
        files = List.copyOf(files);
    }

    /** The first (usually the only) file. */
    public MediaFile file() {
        return files.get(0);
    }

    /**
     * A download URL for a file, as the service gave pre-signed blob URLs. The simulator keeps no content, so
     * these point to the reserved {@code .invalid} domain and are never served.
     */
    public static String url(MediaFile file) {
        return "https://media.kaizala.invalid/" + file.id() + "/"
                + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
