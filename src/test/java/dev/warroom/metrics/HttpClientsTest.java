package dev.warroom.metrics;

import static dev.warroom.metrics.Faults.fails;
import static dev.warroom.metrics.Faults.json;
import static dev.warroom.metrics.Faults.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.metrics.SourceException.Failure;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every source's client does alike: auth headers, no secret in any message or log, TLS with a named CA. */
class HttpClientsTest {
    private static final String TOKEN = "wr-7Hq2XmPz9Lk4Vb8Ns3Qd";
    private static final String PASSWORD = "Corr3ct-Horse-Battery";
    private static final String BASIC = Base64.getEncoder().encodeToString(("ic:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final Instant AT = Instant.parse("2026-11-18T02:00:00Z");

    @TempDir
    Path dir;

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = Faults.loopbackServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    @Test
    void basicCredentialsFromTheUrl_areSentAsAHeader_andLeaveTheUrl() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
        SourceConfig config = SourceConfig.of("prom", "http://ic:" + PASSWORD + "@127.0.0.1:" + server.getPort() + "/");
        try (PrometheusSource prom = new PrometheusSource(config)) {
            prom.instant("up", AT);
            assertFalse(prom.toString().contains(PASSWORD), prom.toString());
        }
        RecordedRequest request = server.takeRequest();
        assertEquals("Basic " + BASIC, request.getHeader("Authorization"));
        assertEquals("http://127.0.0.1:" + server.getPort() + "/", config.baseUrl().toString());
        assertEquals(new Credentials.Basic("ic", Credentials.Secret.of(PASSWORD)), config.credentials());
        assertFalse(config.toString().contains(PASSWORD), config.toString());
        assertTrue(config.toString().contains("password=[redacted]"), config.toString());
    }

    @Test
    void bearerCredentials_areSentAsAHeader() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
        try (PrometheusSource prom = new PrometheusSource(bearer("prom"))) {
            prom.instant("up", AT);
        }
        assertEquals("Bearer " + TOKEN, server.takeRequest().getHeader("Authorization"));
    }

    @Test
    void aSecretEchoedBack_neverReachesAMessageAHealthOrAToString() throws Exception {
        List<String> seen = new ArrayList<>();
        for (SourceConfig config : List.of(bearer("prom"), basic("prom"))) {
            // a server can only echo what it was sent: this source's own secrets, in any shape
            String echo = config.credentials() instanceof Credentials.Bearer
                    ? "token " + TOKEN + " / sent Bearer " + TOKEN
                    : "basic " + BASIC + " / password " + PASSWORD + " / user ic:" + PASSWORD;
            server.enqueue(plain(401, "invalid credentials: " + echo));
            server.enqueue(plain(503, echo + "\nmore"));
            server.enqueue(json(400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"" + echo + "\"}"));
            server.enqueue(json(200, "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"" + echo + "\"}"));
            server.enqueue(plain(200, echo));
            server.enqueue(plain(500, echo));
            server.enqueue(plain(503, echo));
            try (PrometheusSource prom = new PrometheusSource(config)) {
                for (int i = 0; i < 5; i++) {
                    SourceException e = assertThrows(SourceException.class, () -> prom.instant("up", AT));
                    seen.add(e.getMessage());
                    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                        seen.add(String.valueOf(t.getMessage()));
                    }
                }
                SourceHealth health = prom.health();
                seen.add(health.toString());
                seen.add(prom.name());
                seen.add(prom.toString());
                seen.add(config.toString());
                seen.add(config.credentials().toString());
            }
        }
        for (String text : seen) {
            for (String secret : List.of(TOKEN, PASSWORD, BASIC)) {
                assertFalse(text.contains(secret), "leaked in: " + text);
            }
        }
        assertEquals("401 from prom: unauthorized, check the credentials (invalid credentials: token [redacted] / sent Bearer [redacted])",
                seen.get(0));
    }

    @Test
    void grafanaSecrets_neverReachMessagesOrHealth() throws Exception {
        String echo = "bad key " + TOKEN;
        server.enqueue(json(401, "{\"message\":\"" + echo + "\"}"));
        server.enqueue(json(400, "{\"results\":{\"A\":{\"status\":400,\"error\":\"" + echo + "\"}}}"));
        server.enqueue(json(503, "{\"database\":\"" + echo + "\"}"));
        try (GrafanaSource grafana = new GrafanaSource(bearer("grafana"), "uid1", GrafanaSource.Mode.DS_QUERY)) {
            String unauthorized = fails(Failure.UNAUTHORIZED, () -> grafana.instant("up", AT)).getMessage();
            String bad = fails(Failure.BAD_QUERY, () -> grafana.instant("up", AT)).getMessage();
            SourceHealth health = grafana.health();
            for (String text : List.of(unauthorized, bad, health.toString(), grafana.toString())) {
                assertFalse(text.contains(TOKEN), "leaked in: " + text);
            }
            assertEquals("400 from grafana/uid1: bad key [redacted]", bad);
        }
    }

    @Test
    void theLog_showsRequestsButNoCredentials() throws Exception {
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}"));
        server.enqueue(plain(401, "nope " + TOKEN).setHeader("Set-Cookie", "grafana_session=" + TOKEN));
        try (Faults.CapturedLog log = new Faults.CapturedLog(HttpClients.LOG);
             PrometheusSource prom = new PrometheusSource(bearer("prom"))) {
            prom.instant("up", AT);
            assertThrows(SourceException.class, () -> prom.instant("up", AT));

            assertTrue(log.lines.stream().anyMatch(l -> l.contains("POST http://127.0.0.1:" + server.getPort() + "/api/v1/query -> 200")),
                    String.join("\n", log.lines));
            assertTrue(log.lines.stream().anyMatch(l -> l.contains("Authorization: [redacted]")), String.join("\n", log.lines));
            for (String line : log.lines) {
                assertFalse(line.contains(TOKEN), "leaked in the log: " + line);
            }
        }
    }

    @Test
    void aNamedCa_isTrusted_andTheSystemsAloneIsNot() throws Exception {
        Path keystore = dir.resolve("prom.p12");
        Path pem = dir.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "prom", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "prom", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", pem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        server.useHttps(tls.getSocketFactory(), false);
        server.enqueue(json(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1794967200,\"1\"]}}"));
        String url = "https://127.0.0.1:" + server.getPort() + "/";

        try (PrometheusSource trusting = new PrometheusSource(SourceConfig.of("prom", url).withCaCertificate(pem))) {
            assertEquals(1.0, trusting.instant("scalar(1)", AT).get(0).value());
        }
        try (PrometheusSource system = new PrometheusSource(SourceConfig.of("prom", url))) {
            SourceException e = fails(Failure.UNREACHABLE, () -> system.instant("scalar(1)", AT));
            assertTrue(e.getMessage().startsWith("prom unreachable: TLS with 127.0.0.1:" + server.getPort() + " failed ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("; an internal CA needs its PEM file in the source settings"), e.getMessage());
        }
    }

    @Test
    void aCaFileThatIsNotOne_isRefusedNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.pem");
        Path notPem = dir.resolve("token.pem");
        Files.writeString(notPem, "glsa_notacertificate\n");
        SourceConfig base = SourceConfig.of("prom", "https://127.0.0.1:9/");

        assertEquals(missing + ": CA certificate file does not exist",
                assertThrows(SourceConfigException.class, () -> HttpClients.build(base.withCaCertificate(missing))).getMessage());
        String message = assertThrows(SourceConfigException.class, () -> HttpClients.build(base.withCaCertificate(notPem))).getMessage();
        assertTrue(message.startsWith(notPem + ": "), message);
    }

    private SourceConfig bearer(String name) {
        return SourceConfig.of(name, Faults.url(server)).withCredentials(Credentials.bearer(Credentials.Secret.of(TOKEN)));
    }

    private SourceConfig basic(String name) {
        return SourceConfig.of(name, Faults.url(server)).withCredentials(Credentials.basic("ic", Credentials.Secret.of(PASSWORD)));
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hangs");
        assertEquals(0, p.exitValue(), out);
    }
}
