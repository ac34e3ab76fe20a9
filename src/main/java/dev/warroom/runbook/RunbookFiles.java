package dev.warroom.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads files from a user's runbook folder without trusting them: a folder checked out from Git can
 * hold anything, and one bad file must cost a clear error, not the app's memory or a read outside
 * the folder. Every refusal is a {@link RunbookFormatException} naming the file.
 */
public final class RunbookFiles {
    /** Runbooks and scenarios are a few KB; anything over this is a mistake or an attack. */
    public static final long MAX_BYTES = 1024 * 1024;

    private RunbookFiles() {
    }

    /**
     * Entries directly in {@code folder} whose names end with one of {@code suffixes}, sorted by name.
     * Symlinks and special files are included so that {@link #read} can refuse them by name;
     * directories are not.
     */
    public static List<Path> list(Path folder, String... suffixes) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .filter(p -> !Files.isDirectory(p))
                    .sorted()
                    .toList();
        }
    }

    /**
     * The UTF-8 text of {@code file}, which must resolve to a regular file inside {@code root}, be at most
     * {@link #MAX_BYTES} long, and hold text (no NUL bytes, valid UTF-8).
     *
     * @throws RunbookFormatException naming the file and, for bad bytes, their line
     */
    public static String read(Path root, Path file) {
        String source = file.toString();
        Path real = insideRoot(root, file);
        if (!Files.isRegularFile(real)) {
            throw new RunbookFormatException(source, 1, "not a regular file");
        }
        byte[] bytes;
        try {
            long size = Files.size(real);
            if (size > MAX_BYTES) {
                throw tooLarge(source, size);
            }
            try (InputStream in = Files.newInputStream(real)) {
                // the file may grow between the size check and the read: never hold more than the limit
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (IOException e) {
            throw new RunbookFormatException(source, 1, "cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge(source, bytes.length);
        }
        return decode(bytes, source);
    }

    /**
     * Text from bytes, or an error at the line of the first byte that makes it binary.
     *
     * @throws RunbookFormatException "not a text file" for NUL bytes or invalid UTF-8
     */
    static String decode(byte[] bytes, String source) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new RunbookFormatException(source, lineAt(bytes, i), "not a text file (NUL byte)");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new RunbookFormatException(source, lineAt(bytes, in.position()), "not a text file (invalid UTF-8)");
        }
        return out.flip().toString();
    }

    private static Path insideRoot(Path root, Path file) {
        String source = file.toString();
        boolean link = Files.isSymbolicLink(file);
        Path real;
        Path realRoot;
        try {
            realRoot = root.toRealPath();
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new RunbookFormatException(source, 1, link ? "symlink to " + target(file) + ", which does not exist"
                    : "file disappeared while reading the folder");
        } catch (IOException e) {
            throw new RunbookFormatException(source, 1, "cannot read: " + e.getMessage());
        }
        if (!real.startsWith(realRoot)) {
            if (link) {
                Path target = target(file);
                String resolved = target.isAbsolute() && target.normalize().equals(real) ? "" : " (" + real + ")";
                throw new RunbookFormatException(source, 1, "symlink points outside the runbook folder: " + source
                        + " -> " + target + resolved + "; copy the file into " + root + " instead");
            }
            throw new RunbookFormatException(source, 1, "resolves to " + real + ", outside the runbook folder " + root
                    + " (through a symlinked folder)");
        }
        return real;
    }

    private static Path target(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) {
            return link;
        }
    }

    private static RunbookFormatException tooLarge(String source, long size) {
        return new RunbookFormatException(source, 1, String.format(Locale.ROOT,
                "file is %s (%d bytes); runbook files are limited to 1 MB", humanSize(size), size));
    }

    private static String humanSize(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
