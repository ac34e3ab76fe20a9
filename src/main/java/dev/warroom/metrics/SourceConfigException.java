package dev.warroom.metrics;

/**
 * A source's settings cannot be used: a base URL that is not http(s), a CA file that holds no
 * certificate, a user name with a colon. The message names the file or field and is already
 * redacted; the settings view shows it as is.
 */
public final class SourceConfigException extends IllegalArgumentException {

    public SourceConfigException(String message) {
        super(message);
    }

    public SourceConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
