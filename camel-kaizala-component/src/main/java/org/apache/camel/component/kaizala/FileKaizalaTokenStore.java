package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * A token store backed by a properties file, so that a rotated refresh token survives a restart. The file is written
 * atomically (a temporary file moved into place) and, where the file system allows, readable by its owner only.
 */
public class FileKaizalaTokenStore implements KaizalaTokenStore {

    private final Path file;

    public FileKaizalaTokenStore(String file) {
        this(Path.of(file));
    }

    public FileKaizalaTokenStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path getFile() {
        return file;
    }

    @Override
    public synchronized String loadRefreshToken(String key) {
        return read().getProperty(key);
    }

    @Override
    public synchronized void storeRefreshToken(String key, String refreshToken) {
        Properties tokens = read();
        tokens.setProperty(key, refreshToken);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                restrictToOwner(tmp);
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    tokens.store(out, "Kaizala refresh tokens rotated by the service - keep secret");
                }
                move(tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Kaizala token store " + file, e);
        }
    }

    private void move(Path tmp) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrictToOwner(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }

    private Properties read() {
        Properties tokens = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                tokens.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Kaizala token store " + file, e);
            }
        }
        return tokens;
    }

    @Override
    public String toString() {
        return "FileKaizalaTokenStore[" + file + "]";
    }
}
