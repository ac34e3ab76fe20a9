package dev.warroom.runbook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Suggests runbooks for a symptom and/or a firing alert, best first, each with its score and the
 * reasons in words. A runbook the alert's {@code runbook_url} names always ranks first, whatever the
 * text says: the rule's author chose it for exactly this alert. The rest rank by weight: the
 * alert's {@code alertname} listed by a runbook; then BM25F relevance of the words over symptoms,
 * title and body (stemmed, with on-call synonyms and typo tolerance); then a service named by the
 * alert's {@code service} label or in the text. Immutable once built; safe to share between threads.
 */
public final class Triage {
    /** Above any text score, so an alert that names its runbook always ranks it first. */
    static final double ALERT_MATCH = 100;
    static final double URL_MATCH = 110;
    /** The reason given for a runbook the alert's {@code runbook_url} names. */
    public static final String NAMED_BY_URL = "named by the alert's runbook_url";
    static final double SERVICE_MATCH = 1.5;
    static final double TYPO_WEIGHT = 0.8;
    static final double SYNONYM_WEIGHT = 0.7;

    /** One ranked runbook with the reasons it was chosen. */
    public record Suggestion(Runbook runbook, double score, List<String> reasons) {
        public Suggestion {
            reasons = List.copyOf(reasons);
        }
    }

    private enum Kind { EXACT, SYNONYM, TYPO }

    /** A library term a query term may match, at a weight below 1 when it is a synonym or a correction. */
    private record Candidate(String key, double weight, Kind kind) {
    }

    /** One query term with everything in the library it may match (possibly nothing). */
    private record QueryTerm(TextAnalyzer.Term term, List<Candidate> candidates) {
    }

    private final RunbookIndex index;
    private final FirstPlaces firstPlaces;

    public Triage(RunbookLibrary library) {
        this(library.all(), Synonyms.bundled(), FirstPlaces.bundled());
    }

    public Triage(List<Runbook> runbooks, Synonyms synonyms, FirstPlaces firstPlaces) {
        this.index = new RunbookIndex(runbooks, new TextAnalyzer(synonyms));
        this.firstPlaces = firstPlaces;
    }

    /** Ranked suggestions for a symptom and an alert name (either may be null). */
    public List<Suggestion> suggest(String symptom, String alertName) {
        return suggest(new TriageQuery(symptom, alertName == null ? Map.of() : Map.of("alertname", alertName)));
    }

    /** Ranked suggestions, best first; runbooks with nothing in common with the query are left out. */
    public List<Suggestion> suggest(TriageQuery query) {
        String alertName = query.label("alertname");
        String url = query.label("runbook_url");
        String service = query.label("service");
        List<QueryTerm> terms = analyze(words(query));
        List<Suggestion> out = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (int i = 0; i < index.size(); i++) {
            Runbook r = index.runbooks().get(i);
            double score = 0;
            List<String> reasons = new ArrayList<>();
            if (url != null && pointsAt(url, r)) {
                score += URL_MATCH;
                reasons.add(NAMED_BY_URL);
                named.add(r.id());
            }
            if (alertName != null && r.alerts().contains(alertName)) {
                score += ALERT_MATCH;
                reasons.add("alert " + alertName + " is listed by this runbook");
            }
            double text = textScore(i, terms, reasons);
            score += text;
            Optional<String> matchedService = serviceMatch(r, service, query.text());
            if (matchedService.isPresent()) {
                score += SERVICE_MATCH;
                reasons.add("service " + matchedService.get());
            }
            if (score > 0) {
                out.add(new Suggestion(r, score, reasons));
            }
        }
        // the score alone cannot promise first place: another runbook's alert match plus text can outscore it
        out.sort(Comparator.comparing((Suggestion s) -> !named.contains(s.runbook().id()))
                .thenComparing(Comparator.comparingDouble(Suggestion::score).reversed())
                .thenComparing(s -> s.runbook().id()));
        return List.copyOf(out);
    }

    /** The Day-2 "first place to look" for the query's symptom category, if one fits. */
    public Optional<FirstPlaces.Hint> firstPlace(TriageQuery query) {
        List<Suggestion> ranked = suggest(query);
        String top = ranked.isEmpty() ? null : ranked.get(0).runbook().id();
        Set<String> keys = new LinkedHashSet<>();
        for (QueryTerm t : analyze(words(query))) {
            keys.add(t.term().key());
            t.candidates().forEach(c -> keys.add(c.key()));
        }
        return firstPlaces.match(keys, index.analyzer(), top);
    }

    /** The words triage reads: the text, the alert's summary and description, and an unlisted alert's name. */
    private String words(TriageQuery query) {
        StringBuilder s = new StringBuilder(query.text());
        for (String annotation : List.of("summary", "description")) {
            if (query.label(annotation) != null) {
                s.append('\n').append(query.label(annotation));
            }
        }
        String alertName = query.label("alertname");
        // an alert no runbook lists still says what it is about in its name
        if (alertName != null && index.runbooks().stream().noneMatch(r -> r.alerts().contains(alertName))) {
            s.append('\n').append(RunbookIndex.splitCamel(alertName).replaceAll("(?i)\\b(alert|alerts|firing)\\b", " "));
        }
        return s.toString();
    }

    private List<QueryTerm> analyze(String text) {
        Map<String, TextAnalyzer.Term> distinct = new LinkedHashMap<>();
        for (TextAnalyzer.Term t : index.analyzer().terms(text)) {
            distinct.putIfAbsent(t.key(), t);
        }
        Synonyms synonyms = index.analyzer().synonyms();
        List<QueryTerm> out = new ArrayList<>();
        for (TextAnalyzer.Term t : distinct.values()) {
            List<Candidate> candidates = new ArrayList<>();
            if (index.contains(t.key())) {
                candidates.add(new Candidate(t.key(), 1, Kind.EXACT));
            }
            for (String related : synonyms.related(t.key())) {
                if (index.contains(related)) {
                    candidates.add(new Candidate(related, SYNONYM_WEIGHT, Kind.SYNONYM));
                }
            }
            if (candidates.isEmpty() && !t.phrase() && !synonyms.known(t.key())) {
                index.corrections(t.surface()).values().stream().distinct()
                        .forEach(key -> candidates.add(new Candidate(key, TYPO_WEIGHT, Kind.TYPO)));
            }
            out.add(new QueryTerm(t, candidates));
        }
        return out;
    }

    /** Sum over query terms of the best-weighted match in this runbook; adds the words it matched to reasons. */
    private double textScore(int doc, List<QueryTerm> terms, List<String> reasons) {
        double total = 0;
        List<String> symptomWords = new ArrayList<>();
        List<String> bodyWords = new ArrayList<>();
        List<String> read = new ArrayList<>();
        Set<String> phraseWords = new LinkedHashSet<>();
        for (QueryTerm q : terms) {
            RunbookIndex.Hit exact = RunbookIndex.Hit.NONE;
            double best = 0;
            Candidate chosen = null;
            for (Candidate c : q.candidates()) {
                RunbookIndex.Hit hit = index.score(doc, c.key());
                if (c.kind() == Kind.EXACT) {
                    exact = hit;
                }
                if (c.weight() * hit.score() > best) {
                    best = c.weight() * hit.score();
                    chosen = c;
                }
            }
            if (chosen == null) {
                continue;
            }
            total += best;
            String surface = q.term().surface();
            if (q.term().phrase()) {
                phraseWords.addAll(TextAnalyzer.words(surface));
            }
            // the responder's own word is the clearer reason whenever the runbook has it, even when a
            // rarer synonym scored a little more
            if (exact.score() > 0) {
                (exact.fields().equals(List.of(RunbookIndex.Field.BODY)) ? bodyWords : symptomWords).add(surface);
            } else if (chosen.kind() == Kind.SYNONYM) {
                read.add("read '" + surface + "' as '" + index.surface(doc, chosen.key()) + "'");
            } else {
                read.add("matched '" + surface + "' as '" + index.surface(doc, chosen.key()) + "'");
            }
        }
        symptomWords.removeIf(w -> phraseWords.contains(w));
        bodyWords.removeIf(w -> phraseWords.contains(w));
        if (!symptomWords.isEmpty()) {
            reasons.add("symptom words: " + String.join(", ", symptomWords));
        }
        reasons.addAll(read);
        if (!bodyWords.isEmpty()) {
            reasons.add("steps mention: " + String.join(", ", bodyWords));
        }
        return total;
    }

    /** The service from the alert's label, else one the text names as a word ("rag-api is slow"). */
    private static Optional<String> serviceMatch(Runbook r, String label, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String s : r.services()) {
            if (s.equalsIgnoreCase("any")) {
                continue;
            }
            if (label != null && s.equalsIgnoreCase(label)) {
                return Optional.of(s);
            }
            if (Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(s.toLowerCase(Locale.ROOT)) + "(?![a-z0-9-])")
                    .matcher(lower).find()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * True when the URL's last path segment (or its fragment) is the runbook's id, with or without an
     * extension, or its file name: wikis and Git hosts differ in everything before it.
     */
    static boolean pointsAt(String url, Runbook r) {
        String path;
        String fragment;
        try {
            URI uri = new URI(url.strip());
            path = uri.getPath() == null ? uri.getSchemeSpecificPart() : uri.getPath();
            fragment = uri.getFragment();
        } catch (URISyntaxException e) {
            path = url.strip();
            fragment = null;
        }
        if (fragment != null && fragment.equalsIgnoreCase(r.id())) {
            return true;
        }
        if (path == null) {
            return false;
        }
        String last = path.replaceAll("/+$", "");
        last = last.substring(last.lastIndexOf('/') + 1);
        String file = r.source().substring(r.source().replace('\\', '/').lastIndexOf('/') + 1);
        String bare = last.contains(".") ? last.substring(0, last.lastIndexOf('.')) : last;
        return !last.isEmpty() && (last.equalsIgnoreCase(file) || bare.equalsIgnoreCase(r.id()));
    }
}
