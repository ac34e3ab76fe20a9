package dev.warroom.metrics;

import java.time.Instant;

/**
 * What the data-source health view shows for one source.
 *
 * @param source    the source's display name
 * @param reachable an HTTP answer came back at all
 * @param ready     the source says it can serve queries (Prometheus {@code /-/ready}, Grafana database ok)
 * @param version   the server's version from its build info; null if unknown
 * @param lastError the last failure, already redacted; null when the last call succeeded
 * @param checkedAt when this was checked
 */
public record SourceHealth(String source, boolean reachable, boolean ready, String version, String lastError,
                           Instant checkedAt) {
}
