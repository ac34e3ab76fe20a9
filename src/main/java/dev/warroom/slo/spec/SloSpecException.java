package dev.warroom.slo.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SLO spec files that cannot be imported: one problem per bad document (or duplicate), each
 * naming the file, the line and the field. The message has one {@code file:line: ...} line per problem.
 */
public class SloSpecException extends RuntimeException {

    /**
     * @param field   the field as a path ({@code slos[0].sli.events.error_query}, {@code spec.budgetingMethod});
     *                empty for a syntax error
     * @param message what is wrong, starting with the field where there is one
     *                ({@code unsupported: spec.budgetingMethod Timeslices: ...})
     */
    public record Problem(String file, int line, String field, String message) {
        public Problem {
            field = field == null ? "" : field;
            line = Math.max(1, line);
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    public SloSpecException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an SLO spec exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first problem's file line, the one an editor should jump to. */
    public int line() {
        return problems.get(0).line();
    }

    public String file() {
        return problems.get(0).file();
    }
}
