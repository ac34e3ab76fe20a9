package dev.warroom.metrics;

/**
 * A metrics source could not answer. The message is what a stale badge shows ("503 from prom:
 * overloaded"), already redacted: it never carries a token, password or full URL with credentials.
 */
public final class SourceException extends Exception {

    /** Why a query failed, coarse enough to choose a retry policy and a badge wording. */
    public enum Failure {
        /** Nothing listens, DNS failed, or the connection dropped mid-answer. */
        UNREACHABLE(true),
        /** No answer within the timeout. */
        TIMEOUT(true),
        /** 5xx (or 429): the source is there but cannot answer now. */
        UNAVAILABLE(true),
        /** 401 or 403: the credentials are missing or wrong; retrying will not help until they change. */
        UNAUTHORIZED(false),
        /** 400 or 422: the query itself is wrong (bad PromQL, range too long). */
        BAD_QUERY(false),
        /** The body was not the documented shape (not JSON, missing fields, wrong result type). */
        MALFORMED(true);

        private final boolean transientFault;

        Failure(boolean transientFault) {
            this.transientFault = transientFault;
        }

        /** True when the same request may well succeed later without anyone changing anything. */
        public boolean isTransient() {
            return transientFault;
        }
    }

    private final Failure failure;

    public SourceException(Failure failure, String message) {
        this(failure, message, null);
    }

    public SourceException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
