package dev.warroom.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a source proves who we are: nothing, HTTP basic (user and password) or a bearer token
 * (a Grafana service-account token, a reverse proxy's token). Every {@code toString()} here is
 * safe to log: the secret parts print as {@code [redacted]}.
 */
public sealed interface Credentials {

    /** The {@code Authorization} header value, or empty when nothing is sent. */
    Optional<String> authorization();

    /** The secret strings a message could leak (password, token, the basic header's base64), for {@link Redactor}. */
    List<String> secrets();

    static Credentials none() {
        return None.INSTANCE;
    }

    static Credentials basic(String user, Secret password) {
        return new Basic(user, password);
    }

    static Credentials bearer(Secret token) {
        return new Bearer(token);
    }

    /** No Authorization header: Prometheus on loopback, or Grafana's {@code /api/health}. */
    enum None implements Credentials {
        INSTANCE;

        @Override
        public Optional<String> authorization() {
            return Optional.empty();
        }

        @Override
        public List<String> secrets() {
            return List.of();
        }

        @Override
        public String toString() {
            return "none";
        }
    }

    /** HTTP basic auth; the user name is not secret and shows in {@code toString()}. */
    record Basic(String user, Secret password) implements Credentials {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.indexOf(':') >= 0) {
                // RFC 7617: the first colon separates user from password, so the server would split it wrongly
                throw new SourceConfigException("basic auth user name must not contain ':'");
            }
        }

        @Override
        public Optional<String> authorization() {
            return Optional.of("Basic " + encoded());
        }

        @Override
        public List<String> secrets() {
            return List.of(password.reveal(), encoded());
        }

        private String encoded() {
            return Base64.getEncoder().encodeToString((user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code Authorization: Bearer <token>}. */
    record Bearer(Secret token) implements Credentials {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public Optional<String> authorization() {
            return Optional.of("Bearer " + token.reveal());
        }

        @Override
        public List<String> secrets() {
            return List.of(token.reveal());
        }
    }

    /**
     * A password or token. Only {@link #reveal()} gives the value, so it cannot reach a log line,
     * an exception message or a screenshot of a settings dump by string concatenation.
     */
    final class Secret {
        private final String value;

        private Secret(String value) {
            this.value = value;
        }

        public static Secret of(String value) {
            Objects.requireNonNull(value, "value");
            if (value.isEmpty()) {
                throw new SourceConfigException("a password or token must not be empty");
            }
            return new Secret(value);
        }

        /** The value, for building the request header and nothing else. */
        public String reveal() {
            return value;
        }

        @Override
        public boolean equals(Object other) {
            // constant time, so comparing a typed token with a stored one leaks no prefix length
            return other instanceof Secret s && MessageDigest.isEqual(
                    value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public int hashCode() {
            return 1;
        }

        @Override
        public String toString() {
            return "[redacted]";
        }
    }
}
