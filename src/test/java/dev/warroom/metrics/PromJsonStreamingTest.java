package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The one-pass reading of instant vectors must give exactly what the tree reading gives: the same
 * samples for every body it takes, and, by leaving every other body to the tree, the same failure
 * with the same words.
 */
class PromJsonStreamingTest {
    private static final String VECTOR = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{\"__name__\":\"slo:sli_error:ratio_rate5m\",\"sloth_id\":\"svc-001-availability\"},"
            + "\"value\":[1794967200.25,\"0.0010025062656641603\"]},"
            + "{\"metric\":{\"job\":\"payments\"},\"value\":[1794967200,\"+Inf\"]},"
            + "{\"metric\":{},\"value\":[1794967200.001,\"NaN\"]},"
            + "{\"metric\":{\"h\":\"native\"},\"histogram\":[1794967200,{\"count\":\"3\"}]}]}}";
    /** What Go's 'f' and 'e' formats look like, the definition {@link PromJson#isGoFloat} is written from. */
    private static final Pattern GO_FLOAT = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    /** The tree reading alone, as every instant answer was read before the one-pass path. */
    private static Object byTree(String body) {
        try {
            return PromJson.samples(PromJson.envelope(body, "prom").data(), "prom");
        } catch (SourceException e) {
            return e.failure() + " " + e.getMessage();
        }
    }

    private static Object byInstant(String body) {
        try {
            return PromJson.instant(body, "prom");
        } catch (SourceException e) {
            return e.failure() + " " + e.getMessage();
        }
    }

    private static void sameAsTree(String body) {
        assertEquals(byTree(body), byInstant(body), body);
        PromJson.Vector plain = PromJson.plainVector(body);
        if (plain != null) {
            assertEquals(byTree(body), plain.samples(), body);
        }
    }

    @Example
    void prometheusOwnAnswer_takesTheOnePassPath() {
        PromJson.Vector plain = PromJson.plainVector(VECTOR);
        assertNotNull(plain);
        assertEquals(byTree(VECTOR), plain.samples());
        assertEquals(3, plain.samples().size(), "the histogram entry has no float value");
        Sample first = plain.samples().get(0);
        assertEquals(Instant.ofEpochMilli(1794967200250L), first.at());
        assertEquals("svc-001-availability", first.label("sloth_id"));
        assertEquals(List.of(), plain.warnings());
    }

    @Example
    void labels_areKeptAsBuilt_notCopiedAgain() {
        Map<String, String> labels = PromJson.plainVector(VECTOR).samples().get(0).labels();
        assertSame(labels, new Sample(labels, Instant.EPOCH, 1).labels());
    }

    @Example
    void warnings_comeAlong() {
        String body = VECTOR.replace("{\"status\":\"success\",", "{\"status\":\"success\",\"warnings\":[\"partial\",\"slow\"],");
        assertEquals(List.of("partial", "slow"), PromJson.plainVector(body).warnings());
    }

    @Example
    void unusualButValidShapes_areLeftToTheTree() {
        for (String body : List.of(
                // result before its type, repeated keys, a scalar, an error envelope, odd numbers, trailing tokens
                "{\"status\":\"success\",\"data\":{\"result\":[],\"resultType\":\"vector\"}}",
                "{\"status\":\"success\",\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":\"1\",\"a\":\"2\"},\"value\":[1,\"1\"]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"1\"]}}",
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1.5e9,\"1\"]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[1.0005,\"1\"]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"value\":[12345678901,\"1\"]}]}}",
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}} {}",
                "{\"status\":\"success\",\"warnings\":[1],\"data\":{\"resultType\":\"vector\",\"result\":[]}}")) {
            assertNull(PromJson.plainVector(body), body);
            sameAsTree(body);
        }
    }

    @Property(tries = 1500)
    void mutationsOfARealAnswer_readAsTheTreeReadsThem(@ForAll @IntRange(min = 0, max = 10_000) int at,
                                                      @ForAll @IntRange(min = 0, max = 12) int length,
                                                      @ForAll("fragments") String insert) {
        int from = at % (VECTOR.length() + 1);
        int to = Math.min(VECTOR.length(), from + length);
        sameAsTree(VECTOR.substring(0, from) + insert + VECTOR.substring(to));
    }

    @Provide
    Arbitrary<String> fragments() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ ").ofMaxLength(4),
                Arbitraries.of("null", "[]", "{}", "\"x\"", "1e999", "-1", "0.5", "1794967200.1234", "99999999999", "\"NaN\"",
                        "\"-Inf\"", "\"1.\"", "\".5\"", "\"1e-3\"", "\"0x1p3\"", "\"vector\"", "\"scalar\"", "\"error\"",
                        "\"status\":\"error\",", "\"warnings\":[\"w\"],", "\"metric\":null,", "\"value\":[1,\"2\"],",
                        "\"resultType\":\"vector\",", ",\"x\":[[{}]]", "\"a\":\"b\","));
    }

    @Property(tries = 1000)
    void plainTimestamps_areExactlyWhatTheDoubleRoundsTo(@ForAll @LongRange(min = -9_999_999_999L, max = 9_999_999_999L) long seconds,
                                                        @ForAll @IntRange(min = 0, max = 999) int millis,
                                                        @ForAll @IntRange(min = 0, max = 3) int digits) {
        String fraction = digits == 0 ? "" : "." + String.format("%03d", millis).substring(0, digits);
        String literal = (seconds < 0 || seconds == 0 && millis % 2 == 1 ? "-" : "") + Math.abs(seconds) + fraction;
        char[] text = ("[" + literal + "]").toCharArray();
        long plain = PromJson.plainMillis(text, 1, literal.length());
        BigDecimal exact = new BigDecimal(literal);
        Instant byTree = exact.scale() == 0 ? PromJson.timestamp(LongNode.valueOf(exact.longValueExact()))
                : PromJson.timestamp(DoubleNode.valueOf(Double.parseDouble(literal)));
        assertEquals(byTree.toEpochMilli(), plain, literal);
    }

    @Example
    void otherSpellingsOfTime_areNotPlain() {
        for (String s : List.of("1e9", "1.2345", "12345678901", "1.", ".5", "-", "", "1.5e3", "+1", "01a")) {
            assertEquals(Long.MIN_VALUE, PromJson.plainMillis(s.toCharArray(), 0, s.length()), s);
        }
        assertNotNull(PromJson.timestamp(DecimalNode.valueOf(new BigDecimal("1.5"))));
    }

    @Property(tries = 2000)
    void goFloat_isTheRegex(@ForAll("floatish") String text) {
        assertEquals(GO_FLOAT.matcher(text).matches(), PromJson.isGoFloat(text), text);
    }

    @Provide
    Arbitrary<String> floatish() {
        return Arbitraries.strings().withChars("0123456789.eE+-xI ").ofMaxLength(8);
    }

    @Property(tries = 2000)
    void values_roundAsTheJdkDoes(@ForAll @DoubleRange(min = -1e6, max = 1e6) double d, @ForAll boolean plain) {
        String text = plain ? new BigDecimal(Double.toString(d)).toPlainString() : Double.toString(d);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(PromJson.value(text)), text);
    }

    @Property(tries = 2000)
    void ratioLikeValues_roundAsTheJdkDoes(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long mantissa,
                                           @ForAll @IntRange(min = 0, max = 25) int scale) {
        String text = BigDecimal.valueOf(mantissa, scale).toPlainString();
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)), Double.doubleToRawLongBits(PromJson.value(text)), text);
    }
}
