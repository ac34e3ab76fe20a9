package dev.warroom.runbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every runbook Warroom knows: the bundled library plus, optionally, a user's folder whose files win
 * on the same id. A broken file is listed in {@link #problems()} and never stops the others loading.
 */
public final class RunbookLibrary {
    private final Map<String, Runbook> byId;
    private final List<RunbookFormatException> problems;

    private RunbookLibrary(Map<String, Runbook> byId, List<RunbookFormatException> problems) {
        this.byId = byId;
        this.problems = List.copyOf(problems);
    }

    /** The runbooks shipped with Warroom. */
    public static RunbookLibrary bundled() {
        return load(null);
    }

    /** Bundled runbooks overlaid with the {@code *.md} files of {@code userFolder} (may be null). */
    public static RunbookLibrary load(Path userFolder) {
        Map<String, Runbook> byId = new LinkedHashMap<>();
        List<RunbookFormatException> problems = new ArrayList<>();
        for (BundledFiles.Entry e : BundledFiles.list("runbooks", ".md")) {
            add(byId, problems, e.text(), e.name());
        }
        if (userFolder != null) {
            try (Stream<Path> files = Files.list(userFolder)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    add(byId, problems, Files.readString(p, StandardCharsets.UTF_8), p.toString());
                }
            } catch (IOException e) {
                problems.add(new RunbookFormatException(userFolder.toString(), 0, "cannot read runbook folder: " + e.getMessage()));
            }
        }
        return new RunbookLibrary(byId, problems);
    }

    private static void add(Map<String, Runbook> byId, List<RunbookFormatException> problems, String text, String source) {
        if (source.endsWith("README.md")) {
            return;
        }
        try {
            Runbook r = RunbookParser.parse(text, source);
            byId.put(r.id(), r);
        } catch (RunbookFormatException e) {
            problems.add(e);
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
}
