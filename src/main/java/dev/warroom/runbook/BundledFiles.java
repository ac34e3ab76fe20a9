package dev.warroom.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists and reads files shipped on the classpath (the bundled {@code runbooks/} folder), whether
 * the classpath is a directory (tests, {@code mvn javafx:run}) or the shaded jar.
 */
public final class BundledFiles {

    /** A bundled file: its classpath name ("runbooks/provider-outage.md") and text. */
    public record Entry(String name, String text) {
    }

    private BundledFiles() {
    }

    /** Files directly inside {@code folder} whose names end with one of {@code suffixes}, sorted by name. */
    public static List<Entry> list(String folder, String... suffixes) {
        URL url = BundledFiles.class.getClassLoader().getResource(folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return read(fs.getPath(folder), folder, suffixes);
            }
            return read(Path.of(uri), folder, suffixes);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad classpath URL " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list bundled " + folder, e);
        }
    }

    private static List<Entry> read(Path dir, String folder, String... suffixes) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && Stream.of(suffixes).anyMatch(name::endsWith)) {
                    entries.add(new Entry(folder + "/" + name, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        }
        return entries;
    }
}
