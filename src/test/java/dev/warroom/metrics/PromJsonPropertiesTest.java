package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warroom.metrics.SourceException.Failure;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Whatever body a source sends, parsing gives a result or a {@link SourceException}: MALFORMED for
 * anything but a well-formed error envelope, and never a Jackson, number or runtime exception.
 */
class PromJsonPropertiesTest {
    private static final String VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{\"__name__\":\"up\",\"job\":\"checkout\"},\"value\":[1794967200.25,\"1\"]},"
            + "{\"metric\":{\"job\":\"payments\"},\"value\":[1794967200.25,\"+Inf\"]}]}}";
    private static final String MATRIX = "{\"status\":\"success\",\"warnings\":[\"partial\"],\"data\":{\"resultType\":\"matrix\",\"result\":["
            + "{\"metric\":{\"slo\":\"checkout\"},\"values\":[[1794967200,\"0.5\"],[1794967215.5,\"NaN\"],[1794967230,\"-Inf\"]]}]}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses both ways and checks the contract. */
    private static void parseOrTypedError(String body) {
        check(body, () -> PromJson.instant(body, "prom"));
        check(body, () -> PromJson.range(body, "prom"));
    }

    private interface Parse {
        Object run() throws SourceException;
    }

    private static void check(String body, Parse parse) {
        try {
            assertNotNull(parse.run());
        } catch (SourceException e) {
            if (!isErrorEnvelope(body)) {
                assertEquals(Failure.MALFORMED, e.failure(), e.getMessage());
                assertTrue(e.getMessage().startsWith("malformed answer from prom: "), e.getMessage());
            }
            assertEquals(1, e.getMessage().lines().count(), "one line for a badge: " + e.getMessage());
        }
    }

    private static boolean isErrorEnvelope(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.isObject() && "error".equals(n.path("status").asText(null));
        } catch (Exception e) {
            return false;
        }
    }

    @Property(tries = 300)
    void garbageText(@ForAll @StringLength(max = 300) String body) {
        parseOrTypedError(body);
    }

    @Property(tries = 500)
    void jsonishGarbage(@ForAll("jsonish") String body) {
        parseOrTypedError(body);
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ \ntruefalsnulNaInf\\").ofMaxLength(200);
    }

    @Property(tries = 600)
    void characterMutationsOfRealAnswers(@ForAll @IntRange(min = 0, max = 10_000) int at,
                                         @ForAll @IntRange(min = 0, max = 30) int length,
                                         @ForAll("fragments") String insert,
                                         @ForAll boolean matrix) {
        String real = matrix ? MATRIX : VECTOR;
        int from = at % (real.length() + 1);
        int to = Math.min(real.length(), from + length);
        parseOrTypedError(real.substring(0, from) + insert + real.substring(to));
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(6),
                Arbitraries.of("null", "[]", "{}", "\"x\"", "1e999", "-1e999", "99999999999999999999999", "\"Infinity\"",
                        "\"0x1p3\"", "\"1d\"", "[1,2,3]", "{\"a\":1}", "true", "\"string\"", "\"scalar\"", "\"matrix\"",
                        "\"vector\"", "\"error\"", "[[[[[[[[", "\"\\u0000\""));
    }

    @Property(tries = 300)
    void wrongShapesWithRightKeys(@ForAll("values") String status, @ForAll("values") String type, @ForAll("values") String result) {
        parseOrTypedError("{\"status\":" + status + ",\"data\":{\"resultType\":" + type + ",\"result\":" + result + "}}");
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.of("\"success\"", "\"error\"", "\"vector\"", "\"matrix\"", "\"scalar\"", "\"string\"", "null", "1", "[]",
                "{}", "[1794967200,\"1\"]", "[1794967200,1]", "[\"1\",\"1\"]", "[[1794967200,\"1\"]]", "[{\"metric\":1}]",
                "[{\"metric\":{\"a\":1},\"value\":[1,\"1\"]}]", "[{\"values\":[[1e300,\"1\"]]}]", "[{\"value\":[1,\"1\",2]}]",
                "[{\"values\":{}}]", "[null]", "[1e400,\"1\"]", "[-9e15,\"NaN\"]");
    }

    @Example
    void deepNesting_isMalformedNotAStackOverflow() {
        parseOrTypedError("[".repeat(100_000));
        parseOrTypedError("{\"status\":\"success\",\"data\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}");
    }

    @Example
    void hugeNumbers_areMalformedNotArithmeticErrors() {
        parseOrTypedError("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1e400,\"1\"]}}");
        parseOrTypedError("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[" + "9".repeat(900) + ",\"1\"]}}");
        parseOrTypedError("{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1," + "\"" + "9".repeat(5000) + "\"]}}");
    }
}
