package dev.warroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code warroom mock} as a person runs it: in its own process, stopped with a signal. */
class MockCommandTest {

    @Test
    void mock_statesItsAddressServesMetricsAndStopsCleanlyOnSigterm() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "mock", "--scenario", "provider-outage", "--port", "0", "--speed", "60")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            String second = out.readLine();
            assertTrue(first != null && first.startsWith("Warroom mock system: scenario provider-outage"), first);
            Matcher url = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/metrics)").matcher(second);
            assertTrue(url.find(), second);

            HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("warroom_mock_requests_total{service=\"chat-api\""), metrics.body());

            // SIGTERM through the handle: Process.destroy() would also close our end of the pipes
            process.toHandle().destroy();
            String rest = out.lines().collect(Collectors.joining("\n"));
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "mock did not stop");
            assertTrue(rest.contains("mock system stopped"), rest);
        } finally {
            process.destroyForcibly();
        }
    }
}
