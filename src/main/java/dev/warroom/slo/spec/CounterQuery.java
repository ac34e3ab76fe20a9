package dev.warroom.slo.spec;

import java.util.Optional;

/**
 * Puts an OpenSLO counter query ({@code counter: true}) into a rate over the window. That is only
 * sound when the query is nothing but the counter's series: a plain selector
 * ({@code http_requests_total{code=~"5.."}}), {@code sum(selector)} or {@code sum by (labels) (selector)}.
 * Anything else (a function, arithmetic, a range) would need a PromQL rewrite this does not attempt,
 * so it is refused rather than guessed.
 */
final class CounterQuery {
    private final String s;
    private int at;

    private CounterQuery(String s) {
        this.s = s;
    }

    /**
     * {@code sum(rate(<selector>[{{.window}}]))}, keeping a {@code by}/{@code without} grouping where the
     * query has one; empty when the query is not one of the shapes above.
     */
    static Optional<String> windowed(String query) {
        return new CounterQuery(query).parse();
    }

    private Optional<String> parse() {
        skipSpace();
        int start = at;
        String grouping = "";
        String selector;
        if (word("sum")) {
            skipSpace();
            grouping = grouping();
            skipSpace();
            if (!eat('(')) {
                return Optional.empty();
            }
            skipSpace();
            selector = selector();
            skipSpace();
            if (selector == null || !eat(')')) {
                return Optional.empty();
            }
            skipSpace();
            if (grouping.isEmpty()) {
                grouping = grouping();
            }
        } else {
            at = start;
            selector = selector();
        }
        skipSpace();
        if (selector == null || at != s.length()) {
            return Optional.empty();
        }
        String rate = "rate(" + selector + "[" + SloSpecs.WINDOW + "])";
        return Optional.of(grouping.isEmpty() ? "sum(" + rate + ")" : "sum " + grouping + " (" + rate + ")");
    }

    /** {@code by (a, b)} or {@code without (a)}, normalised; "" when there is none. */
    private String grouping() {
        int mark = at;
        String kind = word("by") ? "by" : word("without") ? "without" : null;
        if (kind == null) {
            return "";
        }
        skipSpace();
        if (!eat('(')) {
            at = mark;
            return "";
        }
        StringBuilder labels = new StringBuilder();
        while (true) {
            skipSpace();
            if (eat(')')) {
                break;
            }
            String name = name(false);
            if (name == null) {
                at = mark;
                return "";
            }
            labels.append(labels.length() == 0 ? "" : ", ").append(name);
            skipSpace();
            if (!eat(',') && peek() != ')') {
                at = mark;
                return "";
            }
        }
        return kind + " (" + labels + ")";
    }

    /** {@code name}, {@code name{matchers}} or {@code {matchers}}, as written; null if not a selector. */
    private String selector() {
        int start = at;
        String metric = name(true);
        if (metric != null && isKeyword(metric)) {
            return null;
        }
        skipSpace();
        if (peek() == '{') {
            at++;
            boolean any = false;
            while (true) {
                skipSpace();
                if (eat('}')) {
                    break;
                }
                if (name(false) == null) {
                    return null;
                }
                skipSpace();
                if (!(eat2("=~") || eat2("!=") || eat2("!~") || eat('='))) {
                    return null;
                }
                skipSpace();
                if (!string()) {
                    return null;
                }
                any = true;
                skipSpace();
                if (!eat(',') && peek() != '}') {
                    return null;
                }
            }
            if (metric == null && !any) {
                return null;
            }
        } else if (metric == null) {
            return null;
        }
        return s.substring(start, at).strip();
    }

    private static boolean isKeyword(String name) {
        return switch (name) {
            case "sum", "by", "without", "rate", "increase", "and", "or", "unless", "offset" -> true;
            default -> false;
        };
    }

    private String name(boolean metric) {
        int start = at;
        while (at < s.length()) {
            char c = s.charAt(at);
            boolean ok = Character.isLetter(c) && c < 128 || c == '_' || (metric && c == ':')
                    || (at > start && c >= '0' && c <= '9');
            if (!ok) {
                break;
            }
            at++;
        }
        return at > start ? s.substring(start, at) : null;
    }

    private boolean string() {
        char quote = peek();
        if (quote != '"' && quote != '\'' && quote != '`') {
            return false;
        }
        at++;
        while (at < s.length()) {
            char c = s.charAt(at++);
            if (c == '\\' && quote != '`') {
                at++;
            } else if (c == quote) {
                return at <= s.length();
            }
        }
        return false;
    }

    private boolean word(String w) {
        if (s.startsWith(w, at)) {
            int end = at + w.length();
            if (end == s.length() || !(Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == ':')) {
                at = end;
                return true;
            }
        }
        return false;
    }

    private char peek() {
        return at < s.length() ? s.charAt(at) : '\0';
    }

    private boolean eat(char c) {
        if (peek() == c) {
            at++;
            return true;
        }
        return false;
    }

    private boolean eat2(String two) {
        if (s.startsWith(two, at)) {
            at += 2;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
            at++;
        }
    }
}
