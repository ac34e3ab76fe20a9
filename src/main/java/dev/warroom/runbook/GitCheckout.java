package dev.warroom.runbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Git commit a file was checked out from, read straight from the repository's files: no
 * {@code git} process, so it works where git is not installed and costs a few small reads.
 * Handles a {@code .git} folder, a {@code .git} file pointing elsewhere ({@code git worktree},
 * submodules), branches as loose refs or in {@code packed-refs}, and a detached HEAD. Anything else
 * (no repository, no commit yet, the reftable ref format) gives empty rather than a guess.
 */
public final class GitCheckout {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");
    /** HEAD, ref and gitdir files are one line; more means it is not what we think it is. */
    private static final int SMALL_FILE = 4096;
    private static final int MAX_SYMREF_HOPS = 5;

    private GitCheckout() {
    }

    /** The commit HEAD points at in the checkout that holds {@code file}, or empty. */
    public static Optional<String> commitOf(Path file) {
        try {
            Optional<Path> gitDir = gitDirFor(file);
            if (gitDir.isEmpty()) {
                return Optional.empty();
            }
            Path commonDir = commonDir(gitDir.get());
            String head = readSmall(gitDir.get().resolve("HEAD"));
            for (int hop = 0; hop < MAX_SYMREF_HOPS && head != null; hop++) {
                if (HASH.matcher(head).matches()) {
                    return Optional.of(head);
                }
                if (!head.startsWith("ref:")) {
                    return Optional.empty();
                }
                head = resolveRef(head.substring(4).strip(), gitDir.get(), commonDir);
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // provenance is a nice-to-have on the timeline: an odd repository must never stop a runbook
            return Optional.empty();
        }
    }

    /** The repository folder for the checkout holding {@code file}: the nearest {@code .git} above it. */
    static Optional<Path> gitDirFor(Path file) throws IOException {
        Path start = file.toAbsolutePath().normalize();
        if (Files.exists(start)) {
            start = start.toRealPath();
        }
        for (Path dir = Files.isDirectory(start) ? start : start.getParent(); dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return Optional.of(dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                // "gitdir: <path>", relative to the folder holding the .git file
                String line = readSmall(dotGit);
                if (line == null || !line.startsWith("gitdir:")) {
                    return Optional.empty();
                }
                Path target = dir.resolve(line.substring("gitdir:".length()).strip()).normalize();
                return Files.isDirectory(target) ? Optional.of(target) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A linked worktree keeps HEAD to itself but shares branches with the main repository. */
    private static Path commonDir(Path gitDir) throws IOException {
        Path pointer = gitDir.resolve("commondir");
        if (!Files.isRegularFile(pointer)) {
            return gitDir;
        }
        String line = readSmall(pointer);
        return line == null ? gitDir : gitDir.resolve(line).normalize();
    }

    /** What {@code ref} holds: a hash, another "ref: ...", or null when it does not exist. */
    private static String resolveRef(String ref, Path gitDir, Path commonDir) throws IOException {
        if (ref.isEmpty() || ref.contains("..") || ref.startsWith("/") || ref.contains("\\")) {
            return null;
        }
        for (Path dir : gitDir.equals(commonDir) ? new Path[] {gitDir} : new Path[] {gitDir, commonDir}) {
            Path loose = dir.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return readSmall(loose);
            }
        }
        return packed(commonDir.resolve("packed-refs"), ref);
    }

    /** packed-refs lines are "{@code <hash> <ref>}", with "#" headers and "^" peeled-tag lines. */
    private static String packed(Path packedRefs, String ref) throws IOException {
        if (!Files.isRegularFile(packedRefs)) {
            return null;
        }
        try (BufferedReader reader = Files.newBufferedReader(packedRefs, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.startsWith("^")) {
                    continue;
                }
                int space = line.indexOf(' ');
                if (space > 0 && line.substring(space + 1).strip().equals(ref)) {
                    return line.substring(0, space);
                }
            }
        }
        return null;
    }

    /** The first line of a small file, stripped; null when the file is too big to be a ref. */
    private static String readSmall(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SMALL_FILE + 1);
        }
        if (bytes.length > SMALL_FILE) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
