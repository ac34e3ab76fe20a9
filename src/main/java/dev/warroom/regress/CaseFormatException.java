package dev.warroom.regress;

/**
 * A regression case file that cannot be replayed: {@code file:line: field: message}, the field as a
 * path ({@code expect.max_steps}, {@code mitigations[1].restores}), empty for a syntax error.
 */
public class CaseFormatException extends RuntimeException {
    private final String source;
    private final int line;
    private final String field;

    public CaseFormatException(String source, int line, String field, String message) {
        super(source + ":" + line + ": " + (field == null || field.isEmpty() ? "" : field + ": ") + message);
        this.source = source;
        this.line = line;
        this.field = field == null ? "" : field;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
