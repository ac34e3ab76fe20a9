package dev.warroom.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.postmortem.RegressionCase;
import dev.warroom.runbook.BundledFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegressionCaseParserTest {
    static final String SOURCE = "cases/provider-outage.json";

    static String bundledText(String id) {
        return BundledFiles.list(CaseFile.BUNDLED, ".json").stream().filter(e -> e.name().endsWith("/" + id + ".json"))
                .findFirst().orElseThrow(() -> new AssertionError("no bundled case " + id)).text();
    }

    @Test
    void toJson_andParse_roundTrip() {
        RegressionCase parsed = RegressionCaseParser.parse(bundledText("provider-outage"), SOURCE);
        assertEquals(parsed, RegressionCaseParser.parse(parsed.toJson(), SOURCE));
        assertEquals("provider-outage", parsed.expect().runbook());
        assertEquals(4, parsed.mitigations().size());
    }

    /** The line a field sits on in the bundled text, found by its key. */
    static int lineOf(String text, String needle) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle + " not in the case");
    }

    record Broken(String find, String replace, String field, String message) {
    }

    static Stream<Broken> broken() {
        return Stream.of(
                new Broken("\"max_steps\" : 4", "\"max_steps\" : \"four\"", "expect.max_steps",
                        "must be a whole number from 1 to 1000"),
                new Broken("\"severity\" : \"sev1\"", "\"severity\" : \"sev7\"", "expect.severity",
                        "unknown severity 'sev7' (expected sev0, sev1, sev2 or sev3)"),
                new Broken("\"action\" : \"page\"", "\"action\" : \"call\"", "expect.action", "'call' is not page or ticket"),
                new Broken("\"ramp\" : \"2m\"", "\"ramp\" : \"soon\"", "failure.ramp",
                        "not a duration: 'soon' (expected e.g. 5m, 1h, 30d)"),
                new Broken("\"restores\" : 0.35", "\"restores\" : 1.5", "mitigations[0].restores",
                        "must be from 0 to 1, got 1.5"),
                new Broken("\"seed\" : 11", "\"seeds\" : 11", "seeds",
                        "unknown field (expected alert, expect, failure, id, incident, mitigations, scenario, seed,"
                                + " service, slo, start, symptom, title, traffic)"),
                new Broken("\"objective\" : 0.999", "\"objective\" : 0.99999", "traffic.baseline_error_ratio", null));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void aBrokenField_isOneLineNamingFileLineAndField(Broken b) {
        String text = bundledText("provider-outage");
        String tampered = text.replace(b.find(), b.replace());
        CaseFormatException e = assertThrows(CaseFormatException.class, () -> RegressionCaseParser.parse(tampered, SOURCE));
        assertEquals(b.field(), e.field());
        String key = b.field().substring(b.field().lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        int line = b.message() == null ? lineOf(tampered, "\"" + key + "\"")
                : lineOf(tampered, b.replace());
        assertEquals(line, e.line(), e.getMessage());
        if (b.message() != null) {
            assertEquals(SOURCE + ":" + line + ": " + b.field() + ": " + b.message(), e.getMessage());
        }
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void invalidJson_namesTheLineOfTheSyntaxError() {
        String text = bundledText("provider-outage");
        String tampered = text.replace("\"ramp\" : \"2m\",", "\"ramp\" : \"2m\",,");
        CaseFormatException e = assertThrows(CaseFormatException.class, () -> RegressionCaseParser.parse(tampered, SOURCE));
        assertEquals(lineOf(tampered, "\"2m\",,"), e.line(), e.getMessage());
        assertEquals("", e.field());
        assertTrue(e.getMessage().startsWith(SOURCE + ":" + e.line() + ": not valid JSON: "), e.getMessage());
    }

    @Test
    void aDuplicateKey_andTrailingContent_areErrors() {
        String text = bundledText("provider-outage");
        CaseFormatException dup = assertThrows(CaseFormatException.class,
                () -> RegressionCaseParser.parse(text.replace("\"seed\" : 11,", "\"seed\" : 11, \"seed\" : 12,"), SOURCE));
        assertEquals("seed", dup.field());
        CaseFormatException trailing = assertThrows(CaseFormatException.class,
                () -> RegressionCaseParser.parse(text + "{}", SOURCE));
        assertEquals(text.lines().count() + 1, trailing.line(), trailing.getMessage());
    }
}
