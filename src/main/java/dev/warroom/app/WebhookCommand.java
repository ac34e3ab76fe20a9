package dev.warroom.app;

import dev.warroom.metrics.SecretFile;
import dev.warroom.metrics.WebhookReceiver;
import dev.warroom.store.WarroomStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code warroom webhook}: Alertmanager's webhook receiver on 127.0.0.1, recording firing alerts as
 * incidents in the store until stopped. It holds the store, as the console does, so it is for a
 * machine where no console runs on the same store (a war-room host in front of the shared store).
 */
@Command(name = "webhook", mixinStandardHelpOptions = true,
        description = "Receive Alertmanager notifications on 127.0.0.1 and open incidents from firing alerts"
                + " (severity from labels, runbook_url from annotations, deduplicated by fingerprint).")
final class WebhookCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--port", defaultValue = "9095", description = "Loopback port to listen on (0 picks one; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--secret-file", required = true, paramLabel = "FILE",
            description = "The shared secret Alertmanager sends as 'Authorization: Bearer', in a file only its owner can read.")
    Path secretFile;

    /** Counted down to stop; tests use it, a person uses Ctrl-C. */
    CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        String secret = SecretFile.read(secretFile).reveal();
        PrintWriter out = spec.commandLine().getOut();
        try (WarroomStore db = store.open();
             WebhookReceiver receiver = WebhookReceiver.start(db.timeline(Clock.systemUTC()),
                     new WebhookReceiver.Config(port, secret))) {
            out.println("Receiving Alertmanager notifications at " + receiver.url() + " (store " + db.location() + ")");
            out.println("alertmanager.yml receiver:");
            out.println("  webhook_configs:");
            out.println("    - url: '" + receiver.url() + "'");
            out.println("      http_config:");
            out.println("        authorization:");
            out.println("          credentials_file: " + secretFile.toAbsolutePath());
            out.flush();
            // Ctrl-C: the JVM waits for its hooks, not for this thread, so the hook waits until the receiver
            // and the store below are closed; a notification in flight then either committed or got a 5xx
            Thread hook = new Thread(() -> {
                stop.countDown();
                try {
                    closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "warroom-webhook-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stop.await();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is stopping: the hook waits for the closes below
                }
            }
        } finally {
            closed.countDown();
        }
        return 0;
    }
}
