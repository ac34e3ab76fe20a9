package dev.warroom.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EscalationPolicyTest {

    private static EscalationPolicy parse(String yaml) {
        return EscalationPolicy.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "ladder.yaml");
    }

    @Test
    void defaults_areThreeLevelsFiveMinutesOneRepeat() {
        EscalationPolicy p = EscalationPolicy.defaults();
        assertEquals("default", p.name());
        assertEquals(1, p.repeats());
        assertEquals(List.of("L1", "L2", "L3"), p.levels().stream().map(EscalationLevel::name).toList());
        assertEquals(List.of("ana", "li", "sam"), p.levels().stream().map(EscalationLevel::person).toList());
        assertTrue(p.levels().stream().allMatch(l -> l.delay().equals(Duration.ofMinutes(5))));
        assertEquals("L1", p.first().name());
        assertEquals("L3", p.top().name());
        assertEquals(1, p.indexOf("L2"));
        assertEquals(-1, p.indexOf("L9"));
        assertEquals("L2 li (secondary)", p.level("L2").orElseThrow().describe());
    }

    @Test
    void badDelay_errorNamesSourceAndField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                levels:
                  - {name: L1, person: ana, delay: soon}
                """));
        assertEquals("ladder.yaml:2: levels[0].delay: not a duration: 'soon' (expected e.g. 5m, 1h, 28d)", e.getMessage());
    }

    @Test
    void missingPerson_errorNamesSourceAndLevel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                levels:
                  - {name: L1, person: ana}
                  - {name: L2}
                """));
        assertEquals("ladder.yaml:3: levels[1]: escalation level L2 needs a person", e.getMessage());
    }

    @Test
    void noLevels_andNegativeRepeats_areRefused() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> parse("name: x\n"));
        assertEquals("ladder.yaml:1: expected 'levels:' with a list of levels", none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("levels: []\n"));
        assertThrows(IllegalArgumentException.class, () -> parse("repeats: -1\nlevels:\n  - {person: a}\n"));
        IllegalArgumentException yaml = assertThrows(IllegalArgumentException.class, () -> parse("levels: [\n"));
        assertTrue(yaml.getMessage().startsWith("ladder.yaml:") && yaml.getMessage().contains("not valid YAML"),
                yaml.getMessage());
    }
}
