package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void scrub_masksEachShape() {
        assertEquals("Authorization: [redacted]", Redactor.scrub("Authorization: Bearer abc.def-ghi"));
        assertEquals("{Authorization=[[redacted]]}", Redactor.scrub("{Authorization=[Basic YWRtaW46aHVudGVyMg==]}"));
        assertEquals("sent Bearer [redacted] to grafana", Redactor.scrub("sent Bearer eyJhbGciOi.x to grafana"));
        assertEquals("header Basic [redacted] refused", Redactor.scrub("header Basic YWRtaW46aHVudGVyMg== refused"));
        assertEquals("token glsa_[redacted] is invalid", Redactor.scrub("token glsa_Xq3Zt9pLmN4vB7cR2sK8wY5hJ1dF6gT0_4e2a9c1b is invalid"));
        assertEquals("key [redacted] expired", Redactor.scrub("key eyJrIjoiT0tTcG1pUlY2RnVKZTFVaDFsNFZXdE9ZWmNrMkZYbk is expired".replace(" is", "")));
        assertEquals("GET http://prom:9090/api/v1/query?query=up&api_key=[redacted]&x=1",
                Redactor.scrub("GET http://prom:9090/api/v1/query?query=up&api_key=s3cr3t&x=1"));
        assertEquals("http://[redacted]@prom:9090/", Redactor.scrub("http://admin:hunter2@prom:9090/"));
        assertEquals("https://[redacted]@grafana/", Redactor.scrub("https://admin:p@ss@grafana/"), "a raw @ in the password");
        assertEquals("{\"password\":\"[redacted]\",\"user\":\"admin\"}", Redactor.scrub("{\"password\":\"hunter2\",\"user\":\"admin\"}"));
        assertEquals("login failed: password=[redacted]", Redactor.scrub("login failed: password=hunter2"));
    }

    @Test
    void scrub_leavesOrdinaryMessagesAlone() {
        for (String ordinary : List.of(
                "503 from prom: overloaded",
                "400 from prom: invalid parameter \"query\": 1:4: parse error: unexpected end of input",
                "prom unreachable: connection refused by 127.0.0.1:9090",
                "Basic auth is enabled",
                "http://prom:9090/api/v1/query?query=up&time=1794967200",
                "mail oncall@example.com about it")) {
            assertEquals(ordinary, Redactor.scrub(ordinary));
        }
    }

    @Test
    void scrub_withKnownSecrets_masksThemWhateverTheirShape() {
        String out = Redactor.scrub("upstream said: wrong secret 'Tr0ub4dor&3' (Tr0ub4dor%263)", List.of("Tr0ub4dor&3"));
        assertEquals("upstream said: wrong secret '[redacted]' ([redacted])", out);
        assertEquals("ab cd", Redactor.scrub("ab cd", List.of("ab")), "too short to mask literally");
    }

    @Property(tries = 300)
    void scrub_neverLetsATokenThrough(@ForAll("tokens") String token, @ForAll("shapes") String shape) {
        String text = "failed: " + shape.replace("%s", token) + " while polling";
        String out = Redactor.scrub(text);
        assertFalse(out.contains(token), text + " -> " + out);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9').withChars('_', '-')
                .ofMinLength(12).ofMaxLength(60)
                .filter(t -> t.chars().anyMatch(Character::isDigit) && t.chars().anyMatch(Character::isLetter));
    }

    @Provide
    Arbitrary<String> shapes() {
        return Arbitraries.of(
                "Authorization: Bearer %s",
                "authorization=Basic %s",
                "Bearer %s",
                "glsa_%s",
                "https://user:%s@grafana.internal/api/health",
                "http://%s@prom:9090/",
                "GET /api/v1/query?query=up&token=%s",
                "GET /render?apikey=%s&width=100",
                "{\"token\":\"%s\"}",
                "{\"password\": \"%s\"}",
                "api_key: %s",
                "x-api-key: %s");
    }
}
