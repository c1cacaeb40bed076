package io.github.camelkaizala.simulator.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.camelkaizala.simulator.Media;
import io.github.camelkaizala.simulator.MediaFile;

/**
 * Media upload (§8.1): {@code POST /media}, {@code multipart/form-data}, streamed (each file is counted, hashed
 * and sampled, never held whole). The file parts are those named {@code FileName} or {@code files} (any case);
 * failing those, the parts with a {@code filename}; failing those, a single part. Each file part must carry
 * a {@code Content-Type} of {@link #TYPES} (else 415). Several file parts make one upload (an album).
 */
public final class MediaHandler {

    /** The MIME types of §8, with a few common aliases, and the action type each suits. */
    public static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("image/jpeg", "Image"), Map.entry("image/jpg", "Image"), Map.entry("image/png", "Image"),
            Map.entry("audio/mpeg", "Audio"), Map.entry("audio/mp3", "Audio"), Map.entry("audio/wav", "Audio"),
            Map.entry("audio/x-wav", "Audio"), Map.entry("audio/wave", "Audio"),
            Map.entry("video/mp4", "Video"), Map.entry("video/3gpp", "Video"),
            Map.entry("application/msword", "Document"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Document"),
            Map.entry("application/vnd.ms-excel", "Document"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Document"),
            Map.entry("application/vnd.ms-powerpoint", "Document"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "Document"),
            Map.entry("application/pdf", "Document"));

    private final Store state;

    public MediaHandler(Store state) {
        this.state = state;
    }

    public void routes(Router r) {
        r.add("POST", "/media", this::upload);
    }

    /** Answer {@code {mediaResource}}. */
    private Response upload(Call c) {
        Request.Upload upload = c.request().upload();
        if (upload == null) {
            throw unsupported("POST /media takes a multipart/form-data body, not " + c.header("Content-Type"));
        }
        String boundary = Multipart.boundary(upload.contentType());
        if (boundary == null || boundary.isEmpty()) {
            throw Refusal.invalid("InvalidMultipart", "the multipart Content-Type has no boundary");
        }
        StringBuilder transcript = new StringBuilder();
        List<Multipart.Part> parts;
        try {
            parts = Multipart.read(upload.in(), boundary, transcript);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload", e);
        } finally {
            upload.transcript(transcript.toString());
        }
        List<Multipart.Part> files = parts.stream()
                .filter(p -> "FileName".equalsIgnoreCase(p.name()) || "files".equalsIgnoreCase(p.name())).toList();
        if (files.isEmpty()) {
            files = parts.stream().filter(p -> p.fileName() != null).toList();
        }
        if (files.isEmpty() && parts.size() == 1) {
            files = parts;
        }
        if (files.isEmpty()) {
            throw Json.missing("FileName");
        }
        for (Multipart.Part p : files) {
            if (p.contentType() == null) {
                throw unsupported(
                        "the file part '" + label(p) + "' has no Content-Type; it must carry the file's MIME type");
            }
            if (!TYPES.containsKey(p.contentType())) {
                throw unsupported("the file part '" + label(p) + "' has Content-Type " + p.contentType()
                        + ", which is not a supported media type " + TYPES.keySet().stream().sorted().toList());
            }
        }
        List<String> kinds = files.stream().map(p -> TYPES.get(p.contentType())).distinct().toList();
        if (kinds.size() > 1) {
            throw unsupported("the file parts mix media kinds " + kinds + "; upload them separately");
        }
        String actionType = kinds.get(0).equals("Image") && files.size() > 1 ? "Album" : kinds.get(0);
        List<MediaFile> stored = files.stream()
                .map(p -> new MediaFile(UUID.randomUUID().toString(), label(p), p.contentType(), p.size(), p.sha256(),
                        p.head()))
                .toList();
        return Response.ok(Json.obj("mediaResource", state.addMedia(c.user(), actionType, stored).mediaResource()));
    }

    /** The file name, or failing that the part name, or {@code upload}. */
    private static String label(Multipart.Part p) {
        return p.fileName() != null && !p.fileName().isBlank() ? p.fileName() : p.name() != null ? p.name() : "upload";
    }

    private static Refusal unsupported(String message) {
        return Refusal.unsupportedMedia(message);
    }
}
