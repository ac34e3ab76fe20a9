package dev.warroom.regress;

import dev.warroom.drill.DrillResult;
import dev.warroom.drill.Scenario;
import dev.warroom.drill.ScenarioLibrary;
import dev.warroom.postmortem.RegressionCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rewrites runbooks/regressions/ from today's drills, one case per bundled scenario. Run it after
 * adding a scenario and review the diff:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.warroom.regress.RegenerateBundledCases}
 */
public final class RegenerateBundledCases {
    private RegenerateBundledCases() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "runbooks/regressions");
        Files.createDirectories(dir);
        for (Scenario s : ScenarioLibrary.bundled().all()) {
            DrillResult r = BundledCasesTest.drill(s);
            if (!r.recovered()) {
                throw new IllegalStateException(s.id() + " did not recover; fix the scenario or runbook first");
            }
            Path file = dir.resolve(s.id() + ".json");
            Files.writeString(file, RegressionCase.from(r).withId(s.id()).toJson(), StandardCharsets.UTF_8);
            System.out.println("wrote " + file);
        }
    }
}
