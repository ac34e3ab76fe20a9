package dev.warroom.runbook;

/**
 * The Porter (1980) English stemmer, so "timeouts", "timing out" and "timed out" meet on one stem.
 * Written here rather than pulling in Lucene or Snowball for ~150 lines; words with digits or under
 * three letters are returned unchanged, since "5xx", "p95" or "db" are not English inflections.
 * Stateless and thread-safe.
 */
public final class Stemmer {

    private Stemmer() {
    }

    public static String stem(String word) {
        if (word.length() < 3 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            // "503s" and "5xxs" are plurals of codes; everything else with a digit stays as written
            return word.length() > 3 && word.endsWith("s") && Character.isDigit(word.charAt(0)) ? word.substring(0, word.length() - 1) : word;
        }
        Word w = new Word(word);
        w.step1a();
        w.step1b();
        w.step1c();
        w.step2();
        w.step3();
        w.step4();
        w.step5();
        return w.toString();
    }

    /** The word being stemmed; {@code end} is the length of its current stem. */
    private static final class Word {
        private final StringBuilder b;

        Word(String word) {
            b = new StringBuilder(word);
        }

        @Override
        public String toString() {
            return b.toString();
        }

        private boolean consonant(int i) {
            char c = b.charAt(i);
            return switch (c) {
                case 'a', 'e', 'i', 'o', 'u' -> false;
                case 'y' -> i == 0 || !consonant(i - 1);
                default -> true;
            };
        }

        /** Porter's m: the number of vowel-consonant sequences in the first {@code len} letters. */
        private int measure(int len) {
            int m = 0;
            int i = 0;
            while (i < len && consonant(i)) {
                i++;
            }
            while (i < len) {
                while (i < len && !consonant(i)) {
                    i++;
                }
                if (i >= len) {
                    break;
                }
                while (i < len && consonant(i)) {
                    i++;
                }
                m++;
            }
            return m;
        }

        private boolean hasVowel(int len) {
            for (int i = 0; i < len; i++) {
                if (!consonant(i)) {
                    return true;
                }
            }
            return false;
        }

        private boolean doubleConsonant(int len) {
            return len >= 2 && b.charAt(len - 1) == b.charAt(len - 2) && consonant(len - 1);
        }

        /** consonant-vowel-consonant ending, the last not w, x or y ("hop", not "snow"). */
        private boolean cvc(int len) {
            if (len < 3 || !consonant(len - 1) || consonant(len - 2) || !consonant(len - 3)) {
                return false;
            }
            char c = b.charAt(len - 1);
            return c != 'w' && c != 'x' && c != 'y';
        }

        private boolean ends(String s) {
            return b.length() >= s.length() && b.substring(b.length() - s.length()).equals(s);
        }

        private int stemLength(String suffix) {
            return b.length() - suffix.length();
        }

        private void replace(String suffix, String with) {
            b.setLength(stemLength(suffix));
            b.append(with);
        }

        /** Replaces {@code suffix} when the stem before it has measure > {@code m}; true when the suffix matched. */
        private boolean replaceIf(String suffix, String with, int m) {
            if (!ends(suffix)) {
                return false;
            }
            if (measure(stemLength(suffix)) > m) {
                replace(suffix, with);
            }
            return true;
        }

        void step1a() {
            if (ends("sses")) {
                replace("sses", "ss");
            } else if (ends("ies")) {
                replace("ies", "i");
            } else if (!ends("ss") && ends("s")) {
                replace("s", "");
            }
        }

        void step1b() {
            if (ends("eed")) {
                replaceIf("eed", "ee", 0);
                return;
            }
            String suffix = ends("ed") ? "ed" : ends("ing") ? "ing" : null;
            if (suffix == null || !hasVowel(stemLength(suffix))) {
                return;
            }
            replace(suffix, "");
            if (ends("at") || ends("bl") || ends("iz")) {
                b.append('e');
            } else if (doubleConsonant(b.length())) {
                char c = b.charAt(b.length() - 1);
                if (c != 'l' && c != 's' && c != 'z') {
                    b.setLength(b.length() - 1);
                }
            } else if (measure(b.length()) == 1 && cvc(b.length())) {
                b.append('e');
            }
        }

        void step1c() {
            if (ends("y") && hasVowel(b.length() - 1)) {
                b.setCharAt(b.length() - 1, 'i');
            }
        }

        private static final String[][] STEP2 = {
                {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
                {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"},
                {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"},
                {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"},
                {"logi", "log"}};

        private static final String[][] STEP3 = {
                {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""},
                {"ness", ""}};

        private static final String[] STEP4 = {
                "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate",
                "iti", "ous", "ive", "ize"};

        void step2() {
            for (String[] rule : STEP2) {
                if (replaceIf(rule[0], rule[1], 0)) {
                    return;
                }
            }
        }

        void step3() {
            for (String[] rule : STEP3) {
                if (replaceIf(rule[0], rule[1], 0)) {
                    return;
                }
            }
        }

        void step4() {
            if (ends("ion")) {
                int len = stemLength("ion");
                if (len > 0 && (b.charAt(len - 1) == 's' || b.charAt(len - 1) == 't') && measure(len) > 1) {
                    b.setLength(len);
                }
                return;
            }
            // the longest matching suffix decides, so "ement" is tried before "ment" and "ent"
            String longest = null;
            for (String suffix : STEP4) {
                if (ends(suffix) && (longest == null || suffix.length() > longest.length())) {
                    longest = suffix;
                }
            }
            if (longest != null && measure(stemLength(longest)) > 1) {
                b.setLength(stemLength(longest));
            }
        }

        void step5() {
            if (ends("e")) {
                int len = b.length() - 1;
                int m = measure(len);
                if (m > 1 || (m == 1 && !cvc(len))) {
                    b.setLength(len);
                }
            }
            if (measure(b.length()) > 1 && doubleConsonant(b.length()) && b.charAt(b.length() - 1) == 'l') {
                b.setLength(b.length() - 1);
            }
        }
    }
}
