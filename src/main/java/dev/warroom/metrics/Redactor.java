package dev.warroom.metrics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scrubs credentials out of text before it leaves a client: exception messages, log lines,
 * {@link SourceHealth#lastError()}. It works on shapes (an Authorization header, {@code Bearer x},
 * {@code glsa_} tokens, {@code ?api_key=}, {@code user:pass@host}) so it also catches a secret
 * echoed back by a server or a proxy; when the caller knows its own secrets it removes those
 * literally too, whatever their shape.
 */
public final class Redactor {
    public static final String MASK = "[redacted]";

    /** Shorter known secrets are not replaced literally: "ab" would shred every message. */
    private static final int MIN_LITERAL = 4;

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final String SECRET_KEYS =
            "api[_-]?key|apikey|access[_-]?token|refresh[_-]?token|id[_-]?token|token|password|passwd|pwd"
                    + "|secret|client[_-]?secret|private[_-]?key";
    /** In a URL these short names are credentials too; in prose ("basic auth: failed") they are words. */
    private static final String QUERY_KEYS = SECRET_KEYS + "|auth|session|sig|signature|key";

    // Order matters: whole header values first, so "Authorization: Bearer x" masks once, not twice.
    private static final List<Rule> RULES = List.of(
            // user:password@ (or just user@) in any scheme://; greedy up to the last @ so a raw @ in the password is covered
            rule("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s?#\"'<>]*@", "$1" + MASK + "@"),
            // header lines and header-like key/value pairs, in logs, JSON dumps and Java maps
            rule("(?i)\\b((?:proxy-)?authorization|x-api-key|api-key|x-auth-token|x-grafana-key|cookie|set-cookie)"
                    + "(\"?'?\\s*+[:=]\\s*+)(?!\\[redacted\\])(\\[?\"?'?)[^\\r\\n\"'\\]]+", "$1$2$3" + MASK),
            rule("(?i)\\b(bearer)(\\s+)[A-Za-z0-9._~+/=-]+", "$1$2" + MASK),
            // six or more: long enough for any real user:pass, short enough that prose "Basic auth" stays readable
            rule("(?i)\\b(basic)(\\s+)[A-Za-z0-9+/]{6,}={0,2}", "$1$2" + MASK),
            // Grafana service-account tokens
            rule("glsa_[A-Za-z0-9_-]+", "glsa_" + MASK),
            // Grafana's older API keys are base64 JSON starting {"k":
            rule("\\beyJrIjoi[A-Za-z0-9+/=_-]*", MASK),
            // JWTs: header.payload.signature, both first parts base64url JSON
            rule("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*", MASK),
            // query strings and form bodies
            rule("(?i)([?&;](?:" + QUERY_KEYS + ")=)[^&#\\s\"']*", "$1" + MASK),
            // JSON fields
            rule("(?i)(\"(?:" + SECRET_KEYS + ")\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"", "$1" + MASK + "\""),
            // key=value / key: value in free text
            rule("(?i)\\b(" + SECRET_KEYS + ")(\\s*+[=:]\\s*+)(?!\\[redacted\\])[^\\s&,;\"'}]+", "$1$2" + MASK));

    private Redactor() {
    }

    /** {@code text} with every credential-shaped part replaced by {@value #MASK}; null stays null. */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (Rule r : RULES) {
            out = r.pattern.matcher(out).replaceAll(r.replacement);
        }
        return out;
    }

    /** As {@link #scrub(String)}, and also every literal occurrence of {@code knownSecrets}, raw or URL-encoded. */
    public static String scrub(String text, Collection<String> knownSecrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : knownSecrets) {
            if (secret != null && secret.length() >= MIN_LITERAL) {
                out = out.replace(secret, MASK);
                String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
                if (!encoded.equals(secret)) {
                    out = out.replace(encoded, MASK);
                }
            }
        }
        return scrub(out);
    }

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }
}
