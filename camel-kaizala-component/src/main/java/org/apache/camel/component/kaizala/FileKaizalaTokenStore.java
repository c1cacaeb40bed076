package org.apache.camel.component.kaizala;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.kaizala.api.KaizalaTokenStore;

/**
 * A token store backed by a properties file, so that a rotated refresh token survives a restart. A write reads the
 * file, changes one key and replaces the file atomically: a temporary file, written and synced, moved into place, and
 * the directory synced, so that a crash leaves the old file or the new one, never a torn one nor a stray temporary
 * file. Where the file system allows, the file is readable by its owner only. Several stores — in this JVM or in
 * other processes — may share one file: a write holds a lock (a monitor per file in the JVM, and a file lock on
 * {@code <file>.lock} across processes) so that none loses another's key.
 */
public class FileKaizalaTokenStore implements KaizalaTokenStore {

    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path file;
    private final Object monitor;

    public FileKaizalaTokenStore(String file) {
        this(Path.of(file));
    }

    public FileKaizalaTokenStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.monitor = MONITORS.computeIfAbsent(this.file, f -> new Object());
    }

    public Path getFile() {
        return file;
    }

    @Override
    public String loadRefreshToken(String key) {
        synchronized (monitor) {
            return read().getProperty(key);
        }
    }

    @Override
    public void storeRefreshToken(String key, String refreshToken) {
        synchronized (monitor) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel lockFile = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = lockFile.lock()) {
                    Properties tokens = read();
                    tokens.setProperty(key, refreshToken);
                    replace(tokens);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the Kaizala token store " + file + ": "
                        + e.getClass().getSimpleName(), e);
            }
        }
    }

    private void replace(Properties tokens) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            restrictToOwner(tmp);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                tokens.store(out, "Kaizala refresh tokens rotated by the service - keep secret");
                out.flush();
                channel.force(true);
            }
            move(tmp);
            syncDirectory();
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void move(Path tmp) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the move itself durable. Not every platform can open a directory (Windows cannot): there it is skipped. */
    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // the platform does not sync directories this way; the move is as durable as it makes it
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
                throw new UncheckedIOException("Cannot read the Kaizala token store " + file + ": "
                        + e.getClass().getSimpleName(), e);
            }
        }
        return tokens;
    }

    @Override
    public String toString() {
        return "FileKaizalaTokenStore[" + file + "]";
    }
}
