package dev.warroom.incident;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Incident severity, Sev-0 (worst) to Sev-3. Targets per severity are configuration: {@link SeverityPolicy}. */
public enum Severity {
    SEV0, SEV1, SEV2, SEV3;

    /** "Sev-1". */
    public String label() {
        return "Sev-" + ordinal();
    }

    /** "sev1": the spelling in JSON, YAML and on the command line. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts sev1, Sev-1, SEV1, S1 and 1. */
    @JsonCreator
    public static Severity parse(String text) {
        if (text != null) {
            String digits = text.trim().toLowerCase(Locale.ROOT).replace("sev", "").replace("-", "").replace("s", "");
            switch (digits) {
                case "0": return SEV0;
                case "1": return SEV1;
                case "2": return SEV2;
                case "3": return SEV3;
                default: break;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected sev0, sev1, sev2 or sev3)");
    }
}
