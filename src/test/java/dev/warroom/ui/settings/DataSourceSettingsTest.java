package dev.warroom.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.metrics.GrafanaSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** datasource.yaml: what is written reads back the same, names no secret, and a bad file names its line. */
class DataSourceSettingsTest {
    @TempDir
    Path dir;

    @Test
    void writeThenRead_givesTheSameSettings_andTheFileHoldsPathsNotSecrets() throws IOException {
        DataSourceSettings grafana = new DataSourceSettings(DataSourceSettings.Kind.GRAFANA, "https://grafana.example:3000/",
                "P1809F7CD0C75ACF3", GrafanaSource.Mode.DS_QUERY, DataSourceSettings.Auth.BEARER, null,
                dir.resolve("grafana token #1.txt"), dir.resolve("ca.pem"), Duration.ofSeconds(30),
                List.of(dir.resolve("slos/checkout.yml"), dir.resolve("slos/search.yml")));
        Path file = dir.resolve(DataSourceSettings.FILE_NAME);
        grafana.write(file);

        assertEquals(grafana, DataSourceSettings.read(file));
        String text = Files.readString(file);
        assertTrue(text.contains("token_file: \"grafana token #1.txt\""), "beside the file: written relative to it\n" + text);
        assertTrue(text.contains("  - \"slos/checkout.yml\""), text);
        assertFalse(text.contains("token:"), "only the token's file is named");

        DataSourceSettings basic = new DataSourceSettings(DataSourceSettings.Kind.PROMETHEUS, "http://127.0.0.1:9090", null,
                null, DataSourceSettings.Auth.BASIC, "ana", dir.resolve("password"), null, Duration.ofMillis(200),
                List.of(dir.resolve("slos.yml")));
        basic.write(file);
        assertEquals(basic, DataSourceSettings.read(file));
    }

    @Test
    void alertmanagerWebhookAndAnnotations_readBackTheSame_andNameFilesNotSecrets() throws IOException {
        Path file = dir.resolve(DataSourceSettings.FILE_NAME);
        DataSourceSettings grafana = new DataSourceSettings(DataSourceSettings.Kind.GRAFANA, "http://127.0.0.1:3000/",
                "P1809F7CD0C75ACF3", GrafanaSource.Mode.PROXY, DataSourceSettings.Auth.BEARER, null,
                dir.resolve("grafana.token"), null, Duration.ofSeconds(15), List.of(dir.resolve("slos.yml")),
                new DataSourceSettings.Alertmanager("http://127.0.0.1:9093/am", dir.resolve("am #1.token")),
                new DataSourceSettings.Webhook(9095, dir.resolve("webhook.secret")), false);
        grafana.write(file);

        assertEquals(grafana, DataSourceSettings.read(file));
        String text = Files.readString(file);
        assertTrue(text.contains("annotations: false\n"), text);
        assertTrue(text.contains("webhook:\n  port: 9095\n  secret_file: \"webhook.secret\"\n"), text);
        assertTrue(text.contains("alertmanager:\n  url: \"http://127.0.0.1:9093/am\"\n  token_file: \"am #1.token\"\n"), text);
        assertFalse(grafana.marksAnnotations());

        DataSourceSettings prometheus = DataSourceSettings.prometheus("http://127.0.0.1:9090", List.of(dir.resolve("slos.yml")))
                .withAlerting(new DataSourceSettings.Alertmanager("http://127.0.0.1:9093", null), null, false);
        prometheus.write(file);
        assertEquals(prometheus, DataSourceSettings.read(file));
        assertFalse(Files.readString(file).contains("annotations"), "a Prometheus source has nowhere to mark them");
        assertFalse(prometheus.marksAnnotations());
    }

    @Test
    void withoutTheNewSections_nothingRunsBesideTheSource_andGrafanaMarksAnnotations() throws IOException {
        Path file = write("""
                kind: grafana
                url: http://127.0.0.1:3000
                grafana:
                  uid: P1809F7CD0C75ACF3
                alertmanager:
                  url: http://127.0.0.1:9093
                webhook:
                  port: 9095
                  secret_file: secrets/webhook.secret
                slo_files: slos.yml
                """);
        DataSourceSettings s = DataSourceSettings.read(file);
        assertTrue(s.marksAnnotations(), "annotations default to on for Grafana");
        assertEquals(new DataSourceSettings.Alertmanager("http://127.0.0.1:9093", null), s.alertmanager());
        assertEquals(new DataSourceSettings.Webhook(9095, dir.resolve("secrets/webhook.secret")), s.webhook());

        DataSourceSettings plain = DataSourceSettings.read(write("""
                url: http://127.0.0.1:9090
                slo_files: slos.yml
                """));
        assertEquals(null, plain.alertmanager());
        assertEquals(null, plain.webhook());
    }

    @Test
    void badAlertingSections_nameTheirOwnLine() throws IOException {
        String head = """
                kind: prometheus
                url: http://127.0.0.1:9090
                slo_files: [slos.yml]
                """;
        assertInvalid(head + """
                webhook:
                  port: 9095
                """, ":4: webhook.secret_file is missing: the webhook does not start without the shared secret");
        assertInvalid(head + """
                webhook:
                  secret_file: webhook.secret
                  port: ninety
                """, ":6: webhook.port must be a port number 1..65535, not ninety");
        assertInvalid(head + """
                webhook:
                  port: 0
                  secret_file: webhook.secret
                """, ":5: webhook.port must be a port number 1..65535, not 0");
        assertInvalid(head + """
                webhook:
                  port: 9095
                  secret_file: webhook.secret
                  secret: hunter2
                """, ":7: a secret does not belong in datasource.yaml");
        assertInvalid(head + """
                webhook: 9095
                """, ":4: webhook must be a section with port, secret_file");
        assertInvalid(head + """
                alertmanager:
                  token_file: am.token
                """, ":4: alertmanager.url is missing");
        assertInvalid(head + """
                alertmanager:
                  url: "localhost 9093"
                """, ":5: alertmanager.url is not an http(s) URL");
        assertInvalid(head + """
                alertmanager:
                  url: http://127.0.0.1:9093
                  tokenfile: am.token
                """, ":6: unknown field alertmanager.tokenfile (known: token_file, url)");
        assertInvalid(head + """
                annotations: true
                """, ":4: annotations: only a Grafana source can mark incidents on dashboards");
        assertInvalid("""
                kind: grafana
                url: http://127.0.0.1:3000
                grafana: {uid: P1809F7CD0C75ACF3}
                slo_files: [slos.yml]
                annotations: sometimes
                """, ":5: annotations is sometimes; expected true or false");
    }

    @Test
    void relativePaths_areTakenFromTheFilesFolder_andThePollIntervalDefaultsTo15s() throws IOException {
        Path file = write("""
                kind: prometheus
                url: http://127.0.0.1:9090
                auth:
                  type: bearer
                  token_file: secrets/prom.token
                slo_files: slos.yml
                """);
        DataSourceSettings s = DataSourceSettings.read(file);
        assertEquals(dir.resolve("secrets/prom.token"), s.tokenFile());
        assertEquals(List.of(dir.resolve("slos.yml")), s.sloFiles());
        assertEquals(Duration.ofSeconds(15), s.pollInterval());
        assertEquals(List.of(), s.problems());
    }

    @Test
    void badYaml_namesTheFileAndLine() throws IOException {
        Path file = write("""
                kind: prometheus
                url: http://127.0.0.1:9090
                slo_files: [slos.yml
                poll_interval: 15s
                """);
        DataSourceSettings.Invalid e = assertThrows(DataSourceSettings.Invalid.class, () -> DataSourceSettings.read(file));
        assertTrue(e.getMessage().matches("\\Q" + file + "\\E:[34]: not valid YAML.*"), e.getMessage());
    }

    @Test
    void wrongValues_nameTheirOwnLine() throws IOException {
        assertInvalid("""
                kind: prometheus
                url: http://127.0.0.1:9090
                poll_interval: often
                slo_files: [slos.yml]
                """, ":3: poll_interval: not a duration: 'often'");
        assertInvalid("""
                kind: influx
                url: http://127.0.0.1:9090
                slo_files: [slos.yml]
                """, ":1: kind is influx; expected one of prometheus, grafana");
        assertInvalid("""
                kind: prometheus
                url: http://127.0.0.1:9090
                auth:
                  type: bearer
                  token: glsa_abc
                slo_files: [slos.yml]
                """, ":3: auth.token_file is missing");
        assertInvalid("""
                url: http://127.0.0.1:9090
                slo_files: []
                """, ":2: slo_files: name at least one SLO spec file");
    }

    @Test
    void aTokenInTheFile_isRefused_pointingToATokenFile() throws IOException {
        assertInvalid("""
                kind: prometheus
                url: http://127.0.0.1:9090
                auth:
                  type: bearer
                  token_file: prom.token
                  token: glsa_abc
                slo_files: [slos.yml]
                """, ":3: a token or password does not belong in datasource.yaml");
    }

    @Test
    void problems_sayWhatTheFormStillNeeds() {
        DataSourceSettings empty = new DataSourceSettings(DataSourceSettings.Kind.GRAFANA, " ", null, null,
                DataSourceSettings.Auth.BEARER, null, null, null, null, List.of());
        assertEquals(List.of("URL: give the Grafana address, e.g. http://127.0.0.1:9090",
                "Grafana UID: give the UID of the Prometheus data source in Grafana",
                "Token file: choose the file that holds it (chmod 600)",
                "SLO files: choose at least one Sloth, OpenSLO or Warroom SLO spec"), empty.problems());
    }

    private void assertInvalid(String yaml, String expected) throws IOException {
        Path file = write(yaml);
        DataSourceSettings.Invalid e = assertThrows(DataSourceSettings.Invalid.class, () -> DataSourceSettings.read(file));
        assertTrue(e.getMessage().startsWith(file + expected), e.getMessage());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve(DataSourceSettings.FILE_NAME);
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void pathsOutsideTheFilesFolder_stayAbsolute_andTheFolderCanMove(@org.junit.jupiter.api.io.TempDir Path elsewhere)
            throws IOException {
        Path file = dir.resolve("config").resolve(DataSourceSettings.FILE_NAME);
        DataSourceSettings s = DataSourceSettings.prometheus("http://127.0.0.1:9090",
                List.of(dir.resolve("config/slos/a.yml"), elsewhere.resolve("b.yml")));
        s.write(file);
        String text = Files.readString(file);
        assertTrue(text.contains("  - \"slos/a.yml\""), text);
        assertTrue(text.contains("  - \"" + elsewhere.resolve("b.yml") + "\""), text);

        Path moved = dir.resolve("moved");
        Files.move(dir.resolve("config"), moved);
        assertEquals(moved.resolve("slos/a.yml"), DataSourceSettings.read(moved.resolve(DataSourceSettings.FILE_NAME)).sloFiles().get(0));
    }

    @Test
    void credentialsInTheUrl_areRefused_inTheFormAndInTheFile() throws IOException {
        DataSourceSettings typed = DataSourceSettings.prometheus("http://admin:hunter22@127.0.0.1:9090", List.of(dir.resolve("s.yml")));
        assertTrue(typed.problems().stream().anyMatch(p -> p.startsWith("URL: leave user:password@ out")), typed.problems().toString());
        assertTrue(DataSourceSettings.prometheus("http://127.0.0.1:9090/a@b", List.of(dir.resolve("s.yml"))).problems().isEmpty(),
                "an @ in the path is not a credential");
        Path file = Files.writeString(dir.resolve(DataSourceSettings.FILE_NAME), "kind: prometheus\nurl: http://admin:hunter22@h:9090\nslo_files: s.yml\n");
        DataSourceSettings.Invalid e = org.junit.jupiter.api.Assertions.assertThrows(DataSourceSettings.Invalid.class,
                () -> DataSourceSettings.read(file));
        assertTrue(e.getMessage().contains(":2: url must not carry user:password@"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter22"), e.getMessage());
    }
}
