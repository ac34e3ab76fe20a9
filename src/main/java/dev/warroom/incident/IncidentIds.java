package dev.warroom.incident;

/** Incident ids as people say them: INC-0042. */
public final class IncidentIds {
    private IncidentIds() {
    }

    public static String format(long number) {
        return String.format("INC-%04d", number);
    }

    /** The number in "INC-0042" or "42". */
    public static long parse(String id) {
        String digits = id.trim().toUpperCase().replaceFirst("^INC-?", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an incident id: '" + id + "' (expected INC-0042 or 42)");
        }
    }
}
