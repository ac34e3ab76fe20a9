package dev.warroom.runbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every runbook Warroom knows: the bundled library plus, optionally, a user's folder whose files win
 * on the same id. A broken file is listed in {@link #problems()} and never stops the others loading.
 * User files are read through {@link RunbookFiles}: oversized, binary and out-of-folder files are
 * problems too.
 */
public final class RunbookLibrary {
    private final Map<String, Runbook> byId;
    private final Map<String, Path> files;
    private final List<RunbookFormatException> problems;
    private final Map<String, Optional<String>> commits;

    private RunbookLibrary(Map<String, Runbook> byId, Map<String, Path> files, Map<String, Optional<String>> commits,
                           List<RunbookFormatException> problems) {
        this.byId = byId;
        this.files = files;
        this.commits = commits;
        this.problems = List.copyOf(problems);
    }

    /** The runbooks shipped with Warroom. */
    public static RunbookLibrary bundled() {
        return load(null);
    }

    /** Bundled runbooks overlaid with the {@code *.md} files of {@code userFolder} (may be null). */
    public static RunbookLibrary load(Path userFolder) {
        Map<String, Runbook> byId = new LinkedHashMap<>();
        Map<String, Path> files = new HashMap<>();
        List<RunbookFormatException> problems = new ArrayList<>();
        for (BundledFiles.Entry e : BundledFiles.list("runbooks", ".md")) {
            if (!isReadme(e.name())) {
                add(byId, problems, e.name(), () -> e.text());
            }
        }
        if (userFolder != null) {
            List<Path> paths;
            try {
                paths = RunbookFiles.list(userFolder, ".md");
            } catch (IOException e) {
                problems.add(new RunbookFormatException(userFolder.toString(), 1, "cannot read runbook folder: " + e.getMessage()));
                paths = List.of();
            }
            for (Path p : paths) {
                if (!isReadme(p.toString())) {
                    add(byId, problems, p.toString(), () -> RunbookFiles.read(userFolder, p)).ifPresent(r -> files.put(r.id(), p));
                }
            }
        }
        // the commit is read with the text, so a checkout that moves later cannot mislabel what was loaded
        Map<String, Optional<String>> commits = new HashMap<>();
        files.forEach((id, file) -> commits.put(id, GitCheckout.commitOf(file)));
        return new RunbookLibrary(byId, files, commits, problems);
    }

    static boolean isReadme(String name) {
        return name.endsWith("README.md");
    }

    private static Optional<Runbook> add(Map<String, Runbook> byId, List<RunbookFormatException> problems, String source,
                                         Supplier<String> text) {
        try {
            Runbook r = RunbookParser.parse(text.get(), source);
            byId.put(r.id(), r);
            return Optional.of(r);
        } catch (RunbookFormatException e) {
            problems.add(e);
            return Optional.empty();
        }
    }

    public List<Runbook> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Runbook> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<RunbookFormatException> problems() {
        return problems;
    }

    /** The file {@code runbook} was read from: present for the user folder's runbooks, empty for bundled ones. */
    public Optional<Path> fileOf(Runbook runbook) {
        Path file = files.get(runbook.id());
        return file != null && runbook.equals(byId.get(runbook.id())) ? Optional.of(file) : Optional.empty();
    }

    /**
     * The Git commit checked out where {@code runbook}'s file lives (see {@link GitCheckout#commitOf}),
     * when the library was loaded, so the timeline can name the exact version run; empty for bundled
     * runbooks and files outside Git.
     */
    public Optional<String> commitOf(Runbook runbook) {
        return fileOf(runbook).isPresent() ? commits.get(runbook.id()) : Optional.empty();
    }
}
