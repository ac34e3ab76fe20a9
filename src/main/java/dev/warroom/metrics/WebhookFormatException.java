package dev.warroom.metrics;

/**
 * An Alertmanager notification was not the documented webhook shape. The message names the field
 * (as a path: {@code alerts[2].status}) or, for JSON that does not parse, the line and column, so
 * whoever wired the webhook can find the problem from the 400 answer alone.
 */
public final class WebhookFormatException extends Exception {
    private final String field;

    public WebhookFormatException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field's path, e.g. {@code alerts[0].fingerprint}; null when the body is not JSON at all. */
    public String field() {
        return field;
    }
}
