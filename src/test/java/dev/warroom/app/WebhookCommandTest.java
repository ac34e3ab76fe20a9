package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.Incident;
import dev.warroom.incident.Severity;
import dev.warroom.metrics.Credentials;
import dev.warroom.metrics.SecretFile;
import dev.warroom.store.WarroomStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code warroom webhook}: Alertmanager's notification opens an incident in the store named by --db. */
class WebhookCommandTest {

    @Test
    void firingNotification_opensAnIncident_inTheStore(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("webhook.secret");
        SecretFile.write(secret, Credentials.Secret.of("s3cret-for-tests"));
        Path db = dir.resolve("warroom");
        StringWriter out = new StringWriter();
        CommandLine cl = WarroomCommand.commandLine(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        WebhookCommand command = cl.getSubcommands().get("webhook").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cl.execute("webhook", "--db", db.toString(),
                "--port", "0", "--secret-file", secret.toString()));

        Matcher url = awaitUrl(out);
        assertTrue(out.toString().contains("credentials_file: " + secret.toAbsolutePath()), out.toString());
        String body = """
                {"version":"4","groupKey":"{}:{alertname=\\"CheckoutBurn\\"}","truncatedAlerts":0,"status":"firing",
                 "receiver":"warroom","groupLabels":{},"commonLabels":{},"commonAnnotations":{},"externalURL":"http://127.0.0.1:9093",
                 "alerts":[{"status":"firing","labels":{"alertname":"CheckoutBurn","severity":"critical","sloth_service":"checkout"},
                  "annotations":{"summary":"checkout burns its budget 20x","runbook_url":"https://runbooks.example/provider-outage.md"},
                  "startsAt":"2026-11-20T03:00:00Z","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://prom/graph",
                  "fingerprint":"abc123"}]}""";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1)))
                .header("Authorization", "Bearer s3cret-for-tests").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());

        command.stop.countDown();
        assertEquals(0, exit.get(10, TimeUnit.SECONDS));
        try (WarroomStore store = WarroomStore.openH2(db)) {
            List<Incident> incidents = store.timeline(Clock.systemUTC()).incidents();
            assertEquals(1, incidents.size());
            assertEquals(Severity.SEV1, incidents.get(0).severity());
            assertEquals("checkout burns its budget 20x", incidents.get(0).title());
        }
    }

    private static Matcher awaitUrl(StringWriter out) throws InterruptedException {
        Pattern p = Pattern.compile("notifications at (http://127\\.0\\.0\\.1:\\d+/\\S+)");
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = p.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the receiver never said where it listens: " + out);
    }
}
