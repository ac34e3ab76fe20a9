package dev.warroom.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SourceConfigTest {

    @Test
    void of_givesTheDocumentedDefaults() {
        SourceConfig config = SourceConfig.of(null, "http://127.0.0.1:9090");

        assertEquals("127.0.0.1:9090", config.name());
        assertEquals(Credentials.none(), config.credentials());
        assertEquals(Duration.ofSeconds(3), config.connectTimeout());
        assertEquals(Duration.ofSeconds(10), config.callTimeout());
        assertEquals(Duration.ofSeconds(10), config.readTimeout());
    }

    @Test
    void badValues_areRefusedNamingTheField_withoutTheSecret() {
        assertEquals("source prom: base URL is not an http(s) URL: ftp://[redacted]@prom/",
                assertThrows(SourceConfigException.class, () -> SourceConfig.of("prom", "ftp://admin:hunter2@prom/")).getMessage());
        assertEquals("source prom: call timeout must be positive, not PT0S",
                assertThrows(SourceConfigException.class, () -> SourceConfig.of("prom", "http://127.0.0.1:9090")
                        .withTimeouts(null, null, Duration.ZERO)).getMessage());
        assertEquals("source prom: base URL has a user but no password; give basic credentials instead",
                assertThrows(SourceConfigException.class, () -> SourceConfig.of("prom", "http://admin@127.0.0.1:9090")).getMessage());
        assertEquals("basic auth user name must not contain ':'",
                assertThrows(SourceConfigException.class, () -> Credentials.basic("a:b", Credentials.Secret.of("pw12"))).getMessage());
    }

    @Test
    void resolve_keepsARoutePrefix_withOrWithoutItsSlash() {
        assertEquals("http://h:9090/prom/api/v1/query", SourceConfig.of("p", "http://h:9090/prom/").resolve("api/v1/query").toString());
        assertEquals("http://h:9090/prom/api/v1/query", SourceConfig.of("p", "http://h:9090/prom").resolve("api/v1/query").toString());
        assertEquals("http://h:9090/api/v1/query", SourceConfig.of("p", "http://h:9090").resolve("api/v1/query").toString());
    }
}
