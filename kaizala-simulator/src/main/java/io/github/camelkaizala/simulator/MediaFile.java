package io.github.camelkaizala.simulator;

/**
 * One uploaded file: its name ({@code filename} of the part), the part's MIME type, its size in bytes, the
 * lower-case hex SHA-256 of its content, and its first bytes (at most 256; the content itself is not kept).
 */
public record MediaFile(String id, String name, String contentType, long size, String sha256, byte[] head) {

    public MediaFile {
        head = head.clone();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaFile f && id.equals(f.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "MediaFile[id=" + id + ", name=" + name + ", contentType=" + contentType + ", size=" + size
                + ", sha256=" + sha256 + "]";
    }
}
