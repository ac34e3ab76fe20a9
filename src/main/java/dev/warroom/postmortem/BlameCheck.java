package dev.warroom.postmortem;

import dev.warroom.incident.EventPayload.Acknowledged;
import dev.warroom.incident.EventPayload.Escalated;
import dev.warroom.incident.EventPayload.Paged;
import dev.warroom.incident.EventPayload.RoleAssigned;
import dev.warroom.incident.TimelineEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Flags sentences that make a person the cause: a responder named as the subject of a failure
 * ("ana forgot", "li pushed", "ana's change broke"), as the agent of one ("deployed by li"), or
 * "human error". The same names in neutral roles ("ana acked the page", "li was incident
 * commander") pass. Each warning suggests the question that names the system gap instead.
 *
 * <p>It is a heuristic over words, not a grammar: it reads one paragraph, list item or table cell
 * at a time and only looks right after a name (through auxiliaries and adverbs), which keeps false
 * alarms rare at the price of missing convoluted phrasings.
 */
public final class BlameCheck {

    /**
     * @param line     1-based line of the name (or phrase) in the checked text
     * @param sentence the sentence, on one line
     * @param person   the responder made the cause; null for "human error" and the like
     * @param trigger  the words that make it blame, e.g. "ana forgot", "deployed by li", "human error"
     */
    public record Warning(int line, String sentence, String person, String trigger, String suggestion) {

        /** {@code FILE:line: blame: ...}, the form editors and CI understand. */
        public String format(String file) {
            return file + ":" + line + ": blame: '" + trigger + "' makes " + (person == null ? "a person" : person)
                    + " the cause in \"" + sentence + "\"; name the system gap instead: " + suggestion;
        }
    }

    private enum Kind {
        CHANGE("what let this change reach production without a check (review, canary, automated test)?"),
        OMISSION("what made this easy to miss: which alert, reminder, checklist or automation was absent?"),
        BREAKAGE("which missing safeguard let a single action do this?"),
        HINDSIGHT("what would have made the safe action the easy one, with what was known at the time?"),
        HUMAN_ERROR("which conditions made the error likely (tooling, defaults, alerts, fatigue, a missing guard)?");

        final String suggestion;

        Kind(String suggestion) {
            this.suggestion = suggestion;
        }
    }

    private static final String APOS = "['\u2019]";
    private static final String CHANGE = "pushed|pushes|deployed|deploys|merged|merges|shipped|ships|rolled out"
            + "|released|introduced|committed";
    private static final String OMISSION = "forgot|forgets|forgotten|missed|misses|ignored|ignores|overlooked"
            + "|neglected|failed to|fails to|didn" + APOS + "?t|did not|does not|doesn" + APOS + "?t|never checked";
    private static final String BREAKAGE = "broke|breaks|broken|caused|causes|misconfigured|mistyped|messed up"
            + "|screwed up|botched|fat-fingered|dropped the ball|made a mistake|made an error";
    private static final String HINDSIGHT = "should have|should" + APOS + "ve|shouldn" + APOS + "?t have"
            + "|accidentally|mistakenly|carelessly|wrongly|was careless|wasn" + APOS + "?t careful";
    /** Words that may stand between a subject and its verb without changing who did it. */
    private static final String BETWEEN = "(?:\\s+(?:had|has|have|was|were|is|did|then|also|just|again|simply|clearly"
            + "|probably|apparently|obviously|still|even|once|\\w+ly))*";
    private static final Pattern HUMAN_ERROR = Pattern.compile(
            "\\b(human error|operator error|user error|human mistake|human failure)\\b", Pattern.CASE_INSENSITIVE);

    private final List<String> names;
    private final List<Rule> rules = new ArrayList<>();

    private record Rule(Pattern pattern, Kind kind, boolean agent) {
    }

    /** Checks for {@code names} (case does not matter); blank names and components ("warroom/...") are ignored. */
    public BlameCheck(Collection<String> names) {
        this.names = names.stream().filter(n -> n != null && !n.isBlank() && !n.contains("/"))
                .map(n -> n.strip().toLowerCase(Locale.ROOT)).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (!this.names.isEmpty()) {
            String name = "(?<name>" + this.names.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")";
            String subject = "(?<![\\w.@-])" + name + "(?![\\w@-])(?:" + APOS + "s\\s+\\w+)?" + BETWEEN + "\\s+";
            subject(subject, CHANGE, Kind.CHANGE);
            subject(subject, OMISSION, Kind.OMISSION);
            subject(subject, BREAKAGE, Kind.BREAKAGE);
            subject(subject, HINDSIGHT, Kind.HINDSIGHT);
            String agent = "\\b(?<verb>pushed|deployed|merged|shipped|introduced|caused|broken|missed|ignored|forgotten"
                    + "|overlooked|misconfigured)\\s+by\\s+(?<![\\w.@-])" + name + "(?![\\w@-])";
            rules.add(new Rule(Pattern.compile(agent, Pattern.CASE_INSENSITIVE), Kind.CHANGE, true));
            String fault = "(?<![\\w.@-])" + name + APOS + "s\\s+(?<verb>fault|mistake|error)\\b";
            rules.add(new Rule(Pattern.compile(fault, Pattern.CASE_INSENSITIVE), Kind.HUMAN_ERROR, false));
        }
    }

    private void subject(String subject, String verbs, Kind kind) {
        rules.add(new Rule(Pattern.compile(subject + "(?<verb>" + verbs + ")\\b", Pattern.CASE_INSENSITIVE), kind, false));
    }

    /** A check for the people on this timeline: actors, page and escalation targets, who acked, role holders. */
    public static BlameCheck forTimeline(List<TimelineEvent> events) {
        return new BlameCheck(responders(events));
    }

    /** The people a timeline names, in alphabetical order; components such as {@code warroom/drill} are not people. */
    public static Set<String> responders(List<TimelineEvent> events) {
        Set<String> names = new TreeSet<>();
        for (TimelineEvent e : events) {
            names.add(e.actor());
            if (e.payload() instanceof Paged p) {
                names.add(p.target());
            } else if (e.payload() instanceof Escalated x) {
                names.add(x.target());
            } else if (e.payload() instanceof Acknowledged a) {
                names.add(a.by());
            } else if (e.payload() instanceof RoleAssigned r) {
                names.add(r.person());
            }
        }
        names.removeIf(n -> n == null || n.isBlank() || n.contains("/"));
        return names;
    }

    public List<String> names() {
        return names;
    }

    /**
     * Warnings for {@code markdown}, in line order. Code blocks, HTML comments (the generated-section
     * markers) and headings are not prose and are skipped.
     */
    public List<Warning> check(String markdown) {
        List<Warning> warnings = new ArrayList<>();
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        Paragraph paragraph = new Paragraph();
        boolean code = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String t = line.strip();
            if (t.startsWith("```") || t.startsWith("~~~")) {
                paragraph.flush(warnings);
                code = !code;
                continue;
            }
            if (code || t.isEmpty() || t.startsWith("<!--") || t.startsWith("#")) {
                paragraph.flush(warnings);
                continue;
            }
            if (t.startsWith("|")) {
                paragraph.flush(warnings);
                for (String cell : t.split("(?<!\\\\)\\|")) {
                    checkText(cell.replace("\\|", "|"), List.of(i + 1), List.of(0), warnings);
                }
                continue;
            }
            if (t.matches("([-*+]|\\d+[.)])\\s+.*")) {
                paragraph.flush(warnings);
                t = t.replaceFirst("^([-*+]|\\d+[.)])\\s+", "");
            }
            paragraph.add(t, i + 1);
        }
        paragraph.flush(warnings);
        return warnings;
    }

    /** Consecutive prose lines, so a sentence wrapped over two lines is still one sentence. */
    private final class Paragraph {
        private final StringBuilder text = new StringBuilder();
        private final List<Integer> lineNumbers = new ArrayList<>();
        private final List<Integer> offsets = new ArrayList<>();

        void add(String line, int number) {
            if (text.length() > 0) {
                text.append(' ');
            }
            offsets.add(text.length());
            lineNumbers.add(number);
            text.append(line);
        }

        void flush(List<Warning> warnings) {
            if (text.length() > 0) {
                checkText(text.toString(), lineNumbers, offsets, warnings);
            }
            text.setLength(0);
            lineNumbers.clear();
            offsets.clear();
        }
    }

    private void checkText(String text, List<Integer> lineNumbers, List<Integer> offsets, List<Warning> warnings) {
        Matcher sentences = Pattern.compile("[^.!?]+(?:[.!?]+|$)").matcher(text);
        while (sentences.find()) {
            String sentence = sentences.group().strip();
            if (sentence.isEmpty()) {
                continue;
            }
            int start = sentences.start() + (sentences.group().length() - sentences.group().stripLeading().length());
            Hit hit = firstBlame(sentence);
            if (hit != null) {
                int at = start + hit.offset();
                int line = lineNumbers.get(0);
                for (int k = 0; k < offsets.size(); k++) {
                    if (offsets.get(k) <= at) {
                        line = lineNumbers.get(k);
                    }
                }
                warnings.add(new Warning(line, sentence.replaceAll("\\s+", " "), hit.person(), hit.trigger(),
                        hit.suggestion()));
            }
        }
    }

    /** Where in a sentence the blame is; the offset places it on a line of a wrapped paragraph. */
    private record Hit(int offset, String person, String trigger, String suggestion) {
    }

    /** The first blame in one sentence, or null. */
    private Hit firstBlame(String sentence) {
        Hit best = null;
        int bestAt = Integer.MAX_VALUE;
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(sentence);
            if (m.find() && m.start() < bestAt) {
                bestAt = m.start();
                String name = m.group("name").toLowerCase(Locale.ROOT);
                best = new Hit(rule.agent() ? m.start("name") : m.start(), name,
                        m.group().replaceAll("\\s+", " "), rule.kind().suggestion);
            }
        }
        Matcher human = HUMAN_ERROR.matcher(sentence);
        if (human.find() && human.start() < bestAt) {
            best = new Hit(human.start(), null, human.group(1), Kind.HUMAN_ERROR.suggestion);
        }
        return best;
    }
}
