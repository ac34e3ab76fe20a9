package dev.warroom.runbook;

import java.util.Collection;
import java.util.Locale;

/** "did you mean" for misspelt names: the closest known name within a small edit distance. */
final class Suggest {
    private Suggest() {
    }

    /** {@code " (did you mean 'x'?)"}, or "" when nothing is close. */
    static String didYouMean(String name, Collection<String> known) {
        String wanted = normalise(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(wanted, normalise(k));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        // a third of the name, at least one edit: "symptom", "sevrity", "side-effects" but not "notes" -> "owners"
        int allowed = Math.max(1, Math.min(3, wanted.length() / 3));
        return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** Levenshtein distance with adjacent transpositions, so "tilte" is one edit from "title". */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3 || a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
