package dev.warroom.drill;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Scenario files get the same YAML-bomb guard as runbooks: refused fast, with the file and a line. */
class ScenarioBombTest {

    @Test
    void billionLaughs_isRefusedQuicklyNamingTheFile() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("id: bomb\n");
        ScenarioFormatException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(ScenarioFormatException.class, () -> ScenarioParser.parse(yaml.toString(), "drills/bomb.yaml")));
        assertTrue(e.getMessage().startsWith("drills/bomb.yaml:"), e.getMessage());
    }
}
