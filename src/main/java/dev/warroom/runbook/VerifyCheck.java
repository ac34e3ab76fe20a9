package dev.warroom.runbook;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A step's {@code verify:} line: what to measure after the step and the comparison that says it
 * worked. {@code sli >= 0.85} and {@code error_ratio < 0.05} read the SLO's own numbers (the mock
 * system in drills, the metrics source live); {@code promql: <expr> < 0.05} runs a query.
 */
public record VerifyCheck(Subject subject, String query, Comparison comparison, double threshold, String text) {

    public enum Subject {
        /** Fraction of good events over the observation window. */
        SLI,
        /** Fraction of bad events over the observation window. */
        ERROR_RATIO,
        /** A PromQL expression evaluated by the metrics source. */
        PROMQL
    }

    public enum Comparison {
        GE(">="), LE("<="), GT(">"), LT("<"), EQ("=="), NE("!=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        boolean holds(double observed, double threshold) {
            return switch (this) {
                case GE -> observed >= threshold;
                case LE -> observed <= threshold;
                case GT -> observed > threshold;
                case LT -> observed < threshold;
                case EQ -> observed == threshold;
                case NE -> observed != threshold;
            };
        }

        static Comparison of(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown comparison " + symbol);
        }
    }

    // greedy head: the comparison is the last operator on the line, PromQL may hold others
    private static final Pattern COMPARISON = Pattern.compile(
            "^(.*\\S)\\s*(>=|<=|==|!=|>|<)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*$", Pattern.DOTALL);

    /** Parses a verify line; the error says what a valid one looks like. */
    public static VerifyCheck parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty verify: expected e.g. 'sli >= 0.85' or 'promql: <expr> < 0.05'");
        }
        String t = text.strip();
        Subject subject;
        String rest;
        if (t.toLowerCase(Locale.ROOT).startsWith("promql:")) {
            subject = Subject.PROMQL;
            rest = t.substring("promql:".length()).strip();
        } else {
            subject = null;
            rest = t;
        }
        Matcher m = COMPARISON.matcher(rest);
        if (!m.matches()) {
            throw new IllegalArgumentException("verify '" + t + "' has no comparison with a number at the end"
                    + " (expected e.g. 'sli >= 0.85' or 'promql: <expr> < 0.05')");
        }
        String left = m.group(1).strip();
        if (subject == null) {
            subject = switch (left.toLowerCase(Locale.ROOT)) {
                case "sli" -> Subject.SLI;
                case "error_ratio", "error ratio" -> Subject.ERROR_RATIO;
                default -> throw new IllegalArgumentException("verify '" + t + "' measures '" + left
                        + "': use sli, error_ratio, or 'promql: <expr>'");
            };
        } else {
            checkBalanced(left, t);
        }
        double threshold = Double.parseDouble(m.group(3));
        if ((subject == Subject.SLI || subject == Subject.ERROR_RATIO) && (threshold < 0 || threshold > 1)) {
            throw new IllegalArgumentException("verify '" + t + "': " + left + " is a fraction between 0 and 1, not "
                    + m.group(3));
        }
        return new VerifyCheck(subject, subject == Subject.PROMQL ? left : null, Comparison.of(m.group(2)), threshold, t);
    }

    /** Whether {@code observed} passes; NaN (no data) never passes. */
    public boolean passes(double observed) {
        return !Double.isNaN(observed) && comparison.holds(observed, threshold);
    }

    private static void checkBalanced(String query, String text) {
        if (query.isEmpty()) {
            throw new IllegalArgumentException("verify '" + text + "' has an empty PromQL expression");
        }
        StringBuilder open = new StringBuilder();
        boolean quoted = false;
        char quote = 0;
        for (char c : query.toCharArray()) {
            if (quoted) {
                if (c == quote) {
                    quoted = false;
                }
                continue;
            }
            switch (c) {
                case '"', '\'', '`' -> {
                    quoted = true;
                    quote = c;
                }
                case '(', '[', '{' -> open.append(c);
                case ')', ']', '}' -> {
                    char expected = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (open.isEmpty() || open.charAt(open.length() - 1) != expected) {
                        throw new IllegalArgumentException("verify '" + text + "': unbalanced '" + c + "' in the PromQL");
                    }
                    open.setLength(open.length() - 1);
                }
                default -> {
                }
            }
        }
        if (quoted || !open.isEmpty()) {
            throw new IllegalArgumentException("verify '" + text + "': unclosed " + (quoted ? "quote" : "'" + open.charAt(open.length() - 1) + "'")
                    + " in the PromQL");
        }
    }
}
