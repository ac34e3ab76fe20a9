package dev.warroom.metrics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A token kept in a file of its own (a Grafana service-account token, a proxy's bearer token), so
 * it stays out of settings files that get copied, shared and screenshotted. Like ssh with its keys,
 * a token file anyone else on the machine can read is refused rather than used.
 */
public final class SecretFile {
    /** Tokens are well under a kilobyte; anything this big is the wrong file. */
    public static final int MAX_BYTES = 16 * 1024;

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private SecretFile() {
    }

    /**
     * The token in {@code file}, without the trailing newline editors and {@code echo} add.
     *
     * @throws IOException naming the file: missing, a directory, open to group or others, empty,
     *                     over {@value #MAX_BYTES} bytes, more than one line, or not UTF-8
     */
    public static Credentials.Secret read(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException(file + ": is a directory, not a token file");
        }
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString(), null, "token file does not exist");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            Set<PosixFilePermission> open = EnumSet.copyOf(permissions);
            open.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            if (!open.isEmpty()) {
                throw new IOException(file + ": token file is open to group or others ("
                        + PosixFilePermissions.toString(permissions) + "); refusing to use it. Fix: chmod 600 " + file);
            }
        }
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException(file + ": token file is " + size + " bytes, more than the " + MAX_BYTES
                    + " a token can be; is it the right file?");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": token file is not UTF-8 text; is it the right file?", e);
        }
        String token = text.strip();
        if (token.isEmpty()) {
            throw new IOException(file + ": token file is empty");
        }
        if (token.lines().count() > 1) {
            throw new IOException(file + ": token file has more than one line; it should hold the token alone");
        }
        return Credentials.Secret.of(token);
    }

    /**
     * Writes {@code token} (and a newline) to {@code file}, readable and writable by the owner only.
     * The file is created with those permissions and moved into place, so the token is never on disk
     * with wider ones, not even for an instant; a file already there is replaced.
     */
    public static void write(Path file, Credentials.Secret token) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", attributes);
        try {
            if (!posix) {
                // no POSIX modes (Windows): at least drop read access for everyone but the owner
                java.io.File f = temp.toFile();
                f.setReadable(false, false);
                f.setReadable(true, true);
                f.setWritable(false, false);
                f.setWritable(true, true);
            }
            Files.writeString(temp, token.reveal() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (FileSystemException e) {
            throw new IOException(file + ": cannot write the token file: " + e.getReason(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (posix && !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
