package dev.warroom.drill;

import dev.warroom.runbook.BundledFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The bundled drill scenarios ({@code runbooks/drills/*.yaml}); broken files are listed, not fatal. */
public final class ScenarioLibrary {
    private final Map<String, Scenario> byId = new LinkedHashMap<>();
    private final List<RuntimeException> problems = new ArrayList<>();

    public static ScenarioLibrary bundled() {
        ScenarioLibrary library = new ScenarioLibrary();
        for (BundledFiles.Entry e : BundledFiles.list("runbooks/drills", ".yaml", ".yml")) {
            try {
                Scenario s = ScenarioParser.parse(e.text(), e.name());
                library.byId.put(s.id(), s);
            } catch (ScenarioFormatException ex) {
                library.problems.add(ex);
            }
        }
        return library;
    }

    public List<Scenario> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Scenario> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The scenario, or an error that lists the ones there are. */
    public Scenario require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("no drill scenario '" + id + "'; there are: "
                + String.join(", ", byId.keySet())));
    }

    public List<RuntimeException> problems() {
        return List.copyOf(problems);
    }
}
