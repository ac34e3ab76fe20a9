package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.warroom.incident.EventPayload;
import dev.warroom.incident.InMemoryTimeline;
import dev.warroom.incident.Incident;
import dev.warroom.incident.TimelineEvent;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever arrives, the receiver answers 2xx (recorded) or 4xx (refused, naming why) while the store
 * works: never a 5xx, which would be a bug that Alertmanager keeps retrying, and never a dropped
 * connection from an exception nobody caught.
 */
class WebhookReceiverPropertyTest {
    private static final String VALID = WebhookReceiverTest.notification(WebhookReceiverTest.providerAlert("firing"),
            WebhookReceiverTest.alert("resolved", "0123abcd", Map.of("alertname", "QueueLag", "severity", "warning"),
                    Map.of("summary", "queue lag")));
    private static InMemoryTimeline timeline;
    private static WebhookReceiver receiver;

    @BeforeContainer
    static void start() throws Exception {
        timeline = new InMemoryTimeline(WebhookReceiverTest.CLOCK);
        receiver = WebhookReceiver.start(timeline, new WebhookReceiver.Config(0, "/alertmanager",
                WebhookReceiverTest.SECRET, 64 * 1024));
    }

    @AfterContainer
    static void stop() {
        receiver.close();
    }

    /** Through the receiver's decision alone, without a socket: fast enough for many tries. */
    private static int post(byte[] body) throws Exception {
        WebhookReceiver.Answer a = receiver.answer("POST", "/alertmanager", "Bearer " + WebhookReceiverTest.SECRET,
                String.valueOf(body.length), new ByteArrayInputStream(body));
        return check(body, a.status(), a.bodyText());
    }

    /** Over HTTP, so the server's own handling of odd bodies is covered too. */
    private static int postOverHttp(byte[] body) throws Exception {
        HttpResponse<String> r = WebhookReceiverTest.post(receiver, "Bearer " + WebhookReceiverTest.SECRET, body);
        return check(body, r.statusCode(), r.body());
    }

    private static int check(byte[] body, int status, String answer) {
        assertTrue(status / 100 == 2 || status / 100 == 4, status + " for " + preview(body) + ": " + answer);
        if (status / 100 == 4) {
            assertTrue(!answer.isBlank() && answer.lines().count() == 1, "one line saying why: " + answer);
        }
        return status;
    }

    private static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    @Property(tries = 300)
    void randomBytes_areRefusedAs4xx(@ForAll @Size(max = 600) byte[] body) throws Exception {
        int status = post(body);
        if (body.length == 0 || body[0] != '{') {
            assertEquals(400, status);
        }
    }

    @Property(tries = 300)
    void jsonishText_isRefusedOrRecorded(@ForAll("jsonish") String text) throws Exception {
        post(text.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ \ntruefalsnul\\abcversionalertsfingerprint")
                .ofMaxLength(300);
    }

    @Property(tries = 60)
    void characterMutationsOverHttp(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                    @ForAll @StringLength(max = 6) String insert) throws Exception {
        int from = at % (VALID.length() + 1);
        postOverHttp((VALID.substring(0, from) + insert + VALID.substring(Math.min(VALID.length(), from + 3)))
                .getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void characterMutationsOfARealNotification(@ForAll @IntRange(min = 0, max = 100_000) int at,
                                                @ForAll @IntRange(min = 0, max = 30) int length,
                                                @ForAll @StringLength(max = 6) String insert) throws Exception {
        int from = at % (VALID.length() + 1);
        int to = Math.min(VALID.length(), from + length);
        post((VALID.substring(0, from) + insert + VALID.substring(to)).getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 500)
    void valueMutationsOfARealNotification(@ForAll @IntRange(min = 0, max = 10_000) int pick,
                                           @ForAll("values") JsonNode replacement) throws Exception {
        JsonNode root = WebhookReceiverTest.JSON.readTree(VALID);
        List<JsonNode[]> slots = new ArrayList<>();
        collect(root, slots);
        JsonNode[] slot = slots.get(pick % slots.size());
        if (slot[0] instanceof ObjectNode o) {
            if (replacement == null) {
                o.remove(slot[1].asText());
            } else {
                o.set(slot[1].asText(), replacement);
            }
        } else if (replacement != null) {
            ((ArrayNode) slot[0]).set(slot[1].asInt(), replacement);
        } else {
            ((ArrayNode) slot[0]).remove(slot[1].asInt());
        }
        post(root.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every (container, key-or-index) pair in the tree, so any one value can be replaced or dropped. */
    private static void collect(JsonNode node, List<JsonNode[]> slots) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                slots.add(new JsonNode[] {node, JsonNodeFactory.instance.textNode(name)});
                collect(node.get(name), slots);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                slots.add(new JsonNode[] {node, JsonNodeFactory.instance.numberNode(i)});
                collect(node.get(i), slots);
            }
        }
    }

    /** Replacement values of every JSON type; null means "drop the field". */
    @Provide
    Arbitrary<JsonNode> values() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.<JsonNode>oneOf(
                Arbitraries.just(f.nullNode()),
                Arbitraries.of(true, false).map(f::booleanNode),
                Arbitraries.integers().map(f::numberNode),
                Arbitraries.doubles().map(f::numberNode),
                text().map(f::textNode),
                Arbitraries.of("firing", "resolved", "4", "0001-01-01T00:00:00Z", "2026-03-04T10:00:00+02:00",
                        "c4b1a0f3d2e5a6b7", "", "critical", "sev0").map(f::textNode),
                Arbitraries.just(f.objectNode()),
                Arbitraries.just(f.arrayNode())).injectNull(0.1);
    }

    private static Arbitrary<String> text() {
        // any UTF-16 text Jackson can encode: no lone surrogates
        return Arbitraries.strings().withCharRange('\u0000', '\ud7ff').withCharRange('\ue000', '\uffff').ofMaxLength(40);
    }

    /** Well-formed notifications with arbitrary labels and annotations: always recorded, never duplicated. */
    @Property(tries = 200)
    void wellFormedNotifications_areRecorded_andNoFingerprintIsOpenTwice(
            @ForAll("alerts") List<ObjectNode> alerts) throws Exception {
        String body = WebhookReceiverTest.notification(alerts.toArray(ObjectNode[]::new));
        assertEquals(200, post(body.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> firingOn = new HashMap<>();
        for (Incident incident : timeline.openIncidents()) {
            for (TimelineEvent e : timeline.events(incident.id())) {
                if (e.payload() instanceof EventPayload.AlertFired a && a.fingerprint() != null) {
                    String other = firingOn.put(a.fingerprint(), incident.id());
                    assertTrue(other == null || other.equals(incident.id()),
                            a.fingerprint() + " is open on " + other + " and " + incident.id());
                }
            }
        }
    }

    @Provide
    Arbitrary<List<ObjectNode>> alerts() {
        Arbitrary<String> fingerprint = Arbitraries.of("0a", "0b", "0c", "0d", "c4b1a0f3d2e5a6b7", "FFEE");
        Arbitrary<String> status = Arbitraries.of("firing", "resolved");
        Arbitrary<Map<String, String>> labels = Arbitraries.maps(
                Arbitraries.oneOf(Arbitraries.of("alertname", "severity", "sloth_severity", "service", "sloth_service",
                        "job", "slo", "sloth_slo"), text()), text()).ofMaxSize(6);
        Arbitrary<Map<String, String>> annotations = Arbitraries.maps(
                Arbitraries.oneOf(Arbitraries.of("summary", "title", "description", "runbook_url"), text()), text())
                .ofMaxSize(4);
        return Combinators.combine(status, fingerprint, labels, annotations)
                .as(WebhookReceiverTest::alert).list().ofMaxSize(5);
    }
}
