package dev.warroom.regress;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One replayed case: what was checked and whether each expectation still holds.
 *
 * @param caseId the case's id, or its file name when the file could not be read
 * @param source the case file
 */
public record CaseResult(String caseId, String source, List<Check> checks) {

    /** The expectations a case makes, in the order they are checked. */
    public enum Expectation {
        TIER("tier"), TRIAGE("triage"), RECOVERY("recovery"), FORMAT("format");

        private final String word;

        Expectation(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** One expectation and, in words, what the replay saw. */
    public record Check(Expectation expectation, boolean passed, String detail) {
    }

    public CaseResult {
        checks = List.copyOf(checks);
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** {@code PASS id: tier: ...; triage: ...; recovery: ...}, or FAIL with the same checks. */
    public String line() {
        return (passed() ? "PASS " : "FAIL ") + caseId + ": " + checks.stream()
                .map(c -> c.expectation().word() + (c.passed() ? " ok, " : " BROKEN, ") + c.detail())
                .collect(Collectors.joining("; "));
    }
}
