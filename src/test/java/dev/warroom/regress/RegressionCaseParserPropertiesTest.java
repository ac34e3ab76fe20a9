package dev.warroom.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.postmortem.RegressionCase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever a case file holds, the parser answers with a case or a {@link CaseFormatException} that
 * names a line of the file; never with another exception.
 */
class RegressionCaseParserPropertiesTest {
    private static final String REAL = RegressionCaseParserTest.bundledText("provider-outage");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses and checks the contract; returns the case or null. */
    private static RegressionCase parseOrTypedError(String text) {
        try {
            return RegressionCaseParser.parse(text, "case.json");
        } catch (CaseFormatException e) {
            long lines = Math.max(1, text.lines().count()) + 1;
            assertTrue(e.line() >= 1 && e.line() <= lines, "line " + e.line() + " of " + lines + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith("case.json:" + e.line() + ": "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            return null;
        }
    }

    @Property(tries = 300)
    void garbageText(@ForAll @StringLength(max = 400) String text) {
        parseOrTypedError(text);
    }

    @Property(tries = 300)
    void jsonishGarbage(@ForAll("jsonish") String text) {
        parseOrTypedError(text);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ \ntruefalsnul\\abc").ofMaxLength(200);
    }

    @Property(tries = 400)
    void characterLevelMutationsOfARealCase(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                            @ForAll @IntRange(min = 0, max = 40) int length,
                                            @ForAll @StringLength(max = 8) String insert) {
        int from = at % (REAL.length() + 1);
        int to = Math.min(REAL.length(), from + length);
        parseOrTypedError(REAL.substring(0, from) + insert + REAL.substring(to));
    }

    @Property(tries = 400)
    void valueLevelMutationsOfARealCase(@ForAll @IntRange(min = 0, max = 10_000) int pick,
                                        @ForAll("values") JsonNode replacement) throws Exception {
        JsonNode root = MAPPER.readTree(REAL);
        List<JsonNode[]> slots = new ArrayList<>();
        collect(root, slots);
        JsonNode[] slot = slots.get(pick % slots.size());
        if (slot[0] instanceof ObjectNode o) {
            o.set(slot[1].asText(), replacement);
        } else {
            ((ArrayNode) slot[0]).set(slot[1].asInt(), replacement);
        }
        RegressionCase parsed = parseOrTypedError(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        if (parsed != null) {
            assertEquals(parsed, RegressionCaseParser.parse(parsed.toJson(), "case.json"), "what parses, round-trips");
        }
    }

    @Property(tries = 200)
    void removingAnyField(@ForAll @IntRange(min = 0, max = 10_000) int pick) throws Exception {
        JsonNode root = MAPPER.readTree(REAL);
        List<JsonNode[]> slots = new ArrayList<>();
        collect(root, slots);
        JsonNode[] slot = slots.get(pick % slots.size());
        if (slot[0] instanceof ObjectNode o) {
            o.remove(slot[1].asText());
        } else {
            ((ArrayNode) slot[0]).remove(slot[1].asInt());
        }
        parseOrTypedError(MAPPER.writeValueAsString(root));
    }

    @Provide
    Arbitrary<JsonNode> values() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Arbitrary<JsonNode> strings = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
                Arbitraries.of("", " ", "5m", "-5m", "0s", "99999999999999w", "1w1w1w1w", "sev1", "sev9", "ticket", "page",
                        "NaN", "2026-11-18T02:00:00Z", "provider-outage")).map(f::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.longs().map(f::numberNode),
                Arbitraries.of(0.0, 1.0, -1.0, 0.999, 1e308, -0.0, 5e-324).map(f::numberNode),
                Arbitraries.of(new BigInteger("123456789012345678901234567890")).map(f::numberNode));
        Arbitrary<JsonNode> others = Arbitraries.of(f.nullNode(), f.booleanNode(true), f.booleanNode(false),
                f.arrayNode(), f.objectNode(), f.arrayNode().add(1).add("x"));
        Arbitrary<JsonNode> nested = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(8), numbers)
                .as((k, v) -> f.objectNode().set(k, v));
        return Arbitraries.oneOf(strings, numbers, others, nested);
    }

    /** Every (container, key-or-index) pair in the tree. */
    private static void collect(JsonNode node, List<JsonNode[]> slots) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                slots.add(new JsonNode[] {node, f.textNode(name)});
                collect(node.get(name), slots);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new JsonNode[] {node, f.numberNode(i)});
                collect(node.get(i), slots);
            }
        }
    }
}
