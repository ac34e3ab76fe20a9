package dev.warroom.app;

import dev.warroom.incident.SeverityPolicy;
import dev.warroom.paging.EscalationPolicy;
import dev.warroom.slo.AlertPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The team's own severity targets, escalation ladder and burn-rate policy: {@code severities.yaml},
 * {@code escalation.yaml} and {@code alert-policy.yaml} in the folder of the store, when present;
 * the bundled defaults (the SRE Workbook policy) otherwise.
 */
record Settings(SeverityPolicy severities, EscalationPolicy escalation, AlertPolicy alertPolicy) {
    static final String SEVERITIES = "severities.yaml";
    static final String ESCALATION = "escalation.yaml";
    static final String ALERT_POLICY = "alert-policy.yaml";

    /** Reads the overrides next to the store's base path ({@code .../warroom} for {@code .../warroom.mv.db}). */
    static Settings forStore(Path storeBase) {
        Path dir = storeBase.toAbsolutePath().getParent();
        Path severities = dir.resolve(SEVERITIES);
        Path escalation = dir.resolve(ESCALATION);
        Path alertPolicy = dir.resolve(ALERT_POLICY);
        return new Settings(
                Files.isRegularFile(severities) ? read(severities, SeverityPolicy::parse) : SeverityPolicy.defaults(),
                Files.isRegularFile(escalation) ? read(escalation, EscalationPolicy::parse) : EscalationPolicy.defaults(),
                Files.isRegularFile(alertPolicy) ? readAlertPolicy(alertPolicy) : AlertPolicy.sreWorkbook());
    }

    static AlertPolicy readAlertPolicy(Path file) {
        try {
            return AlertPolicy.parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private interface Parser<T> {
        T parse(InputStream in, String source);
    }

    private static <T> T read(Path file, Parser<T> parser) {
        try (InputStream in = Files.newInputStream(file)) {
            return parser.parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
