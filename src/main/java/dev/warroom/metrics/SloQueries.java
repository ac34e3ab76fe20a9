package dev.warroom.metrics;

import dev.warroom.slo.EventCounts;
import dev.warroom.slo.Sli;
import dev.warroom.slo.spec.SloDefinition;
import dev.warroom.slo.spec.SloSpecs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The instant queries of one poll for a set of SLOs, and the way back from their answers to a
 * {@link WindowRatios} per SLO. The number of requests grows with the windows, not with the SLOs:
 * <ul>
 * <li><b>Sloth rules</b>: for an SLO whose {@code slo:sli_error:ratio_rate<window>} series Sloth
 *     records, one query per window serves every such SLO,
 *     {@code slo:sli_error:ratio_rate5m{sloth_id=~"a|b"}}, each answer mapped back by its
 *     {@code sloth_id}. Sloth records no event counts, so these windows are ratio-only
 *     ({@link EventCounts#ofErrorRatio}) and the low-traffic guard does not hold their pages back.</li>
 * <li><b>Raw queries</b>: otherwise each SLO's ratio is built from its spec's queries and the SLOs of
 *     one window share a query: {@code label_replace(<ratio 1>, "warroom_slo", "<id 1>", "", "") or
 *     label_replace(<ratio 2>, ...)}. Where the total query is a per-second rate over the window
 *     ({@code sum(rate(x[{{.window}}]))}) its value is added the same way under {@code warroom_events},
 *     and events = rate x window seconds (exactly what {@code increase} would answer, since Prometheus
 *     computes increase as rate times range). Any other total shape is not a count this can derive:
 *     that SLO's windows are ratio-only.</li>
 * </ul>
 * A query's form body ({@code query=<url-encoded PromQL>} plus the time parameter) is kept under
 * {@code maxBodyBytes} (64 KiB by default, well under what Prometheus and proxies accept) by
 * splitting a window's SLOs into several batches; one SLO bigger than the cap gets a query of its own.
 * Each SLO's ratio must come back as one series (Sloth's queries are {@code sum(...)}); more than one
 * is reported, never merged.
 */
public final class SloQueries {
    public static final String RULE_PREFIX = "slo:sli_error:ratio_rate";
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /**
     * One query that tells which SLOs and windows Sloth records: answer it and pass the samples to
     * {@link #slothRecorded}.
     */
    public static final String SLOTH_DISCOVERY = "group by (sloth_id, sloth_window) ({__name__=~\"slo:sli_error:ratio_rate.+\"})";
    static final String SLO_LABEL = "warroom_slo";
    static final String EVENTS_LABEL = "warroom_events";
    /** Room for "&time=...&timeout=..." next to the query in the form body. */
    private static final int PARAMETER_ROOM = 100;

    /** Where a planned query's answers come from. */
    public enum Source {
        SLOTH_RULES, RAW_QUERIES
    }

    /**
     * One instant query of the poll. A failed or missing answer leaves {@link #slothIds} without data
     * for {@link #window}.
     */
    public record PlannedQuery(String promql, Duration window, Source source, List<String> slothIds) {
        public PlannedQuery {
            slothIds = List.copyOf(slothIds);
        }
    }

    private final Map<String, SloDefinition> definitions = new LinkedHashMap<>();
    private final Map<String, List<Duration>> windowsBySlo = new LinkedHashMap<>();
    private final Set<String> countsEvents = new HashSet<>();
    private final Map<String, String> unplannable = new LinkedHashMap<>();
    private final List<PlannedQuery> queries;
    /** Per query (same index), its ids as a set: {@link #read} looks up every sample's id in it. */
    private final List<Set<String>> askedIds;
    /** Per SLO, for each of its windows (as in {@link #windowsBySlo}), the index of the one query that asks it. */
    private final Map<String, int[]> queryOfWindow = new HashMap<>();

    private SloQueries(List<SloDefinition> defs, SloWindows windows, Set<String> recorded, int maxBodyBytes) {
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("a request body cap under 1 KiB cannot hold a query");
        }
        // per window, in definition order: the rule-covered SLOs and the raw parts
        Map<Duration, List<String>> ruleIds = new TreeMap<>();
        Map<Duration, List<Part>> rawParts = new TreeMap<>();
        for (SloDefinition d : defs) {
            String id = d.slothId();
            if (definitions.putIfAbsent(id, d) != null) {
                throw new IllegalArgumentException("SLO id " + id + " is planned twice");
            }
            List<Duration> sloWindows = windows.forSlo(d.slo());
            windowsBySlo.put(id, sloWindows);
            Sli sli = d.slo().sli();
            boolean byRules = recorded.contains(id);
            if (!byRules && (sli.eventsQuery() == null || sli.kind() != Sli.Kind.ERROR_RATIO && sli.totalQuery() == null)) {
                unplannable.put(id, "the SLO has no queries and Sloth records none for it");
                continue;
            }
            boolean events = !byRules && isRateOverWindow(sli.totalQuery());
            if (events) {
                countsEvents.add(id);
            }
            for (Duration w : sloWindows) {
                if (byRules) {
                    ruleIds.computeIfAbsent(w, k -> new ArrayList<>()).add(id);
                } else {
                    List<Part> parts = rawParts.computeIfAbsent(w, k -> new ArrayList<>());
                    String text = "label_replace(" + ratio(sli, w) + ", \"" + SLO_LABEL + "\", \"" + promString(id) + "\", \"\", \"\")";
                    if (events) {
                        text += " or label_replace(" + windowed(sli.totalQuery(), w) + ", \"" + EVENTS_LABEL + "\", \""
                                + promString(id) + "\", \"\", \"\")";
                    }
                    parts.add(new Part(id, text));
                }
            }
        }
        List<PlannedQuery> planned = new ArrayList<>();
        TreeMap<Duration, Boolean> all = new TreeMap<>();
        ruleIds.keySet().forEach(w -> all.put(w, true));
        rawParts.keySet().forEach(w -> all.put(w, true));
        for (Duration w : all.keySet()) {
            planned.addAll(ruleBatches(w, ruleIds.getOrDefault(w, List.of()), maxBodyBytes));
            planned.addAll(rawBatches(w, rawParts.getOrDefault(w, List.of()), maxBodyBytes));
        }
        this.queries = List.copyOf(planned);
        this.askedIds = queries.stream().<Set<String>>map(q -> Set.copyOf(q.slothIds())).toList();
        for (int i = 0; i < queries.size(); i++) {
            PlannedQuery q = queries.get(i);
            for (String id : q.slothIds()) {
                List<Duration> sloWindows = windowsBySlo.get(id);
                int[] of = queryOfWindow.computeIfAbsent(id, k -> {
                    int[] none = new int[sloWindows.size()];
                    Arrays.fill(none, -1);
                    return none;
                });
                of[sloWindows.indexOf(q.window())] = i;
            }
        }
    }

    /** Every SLO by its own queries, no recording rules. */
    public static SloQueries raw(List<SloDefinition> defs, SloWindows windows) {
        return plan(defs, windows, Set.of(), DEFAULT_MAX_BODY_BYTES);
    }

    /** Every SLO from Sloth's recording rules (their {@code sloth_id} must match the definitions). */
    public static SloQueries slothRules(List<SloDefinition> defs, SloWindows windows) {
        Set<String> all = new HashSet<>();
        defs.forEach(d -> all.add(d.slothId()));
        return plan(defs, windows, all, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * @param recorded the ids whose windows Sloth records (see {@link #slothRecorded}); the rest are
     *                 queried raw
     */
    public static SloQueries plan(List<SloDefinition> defs, SloWindows windows, Set<String> recorded, int maxBodyBytes) {
        return new SloQueries(defs, windows, recorded, maxBodyBytes);
    }

    /**
     * The ids for which the {@link #SLOTH_DISCOVERY} answer shows a recorded ratio in every window the
     * SLO needs; an SLO with a window missing is better served by its raw queries.
     */
    public static Set<String> slothRecorded(List<Sample> discovery, Collection<SloDefinition> defs, SloWindows windows) {
        Map<String, Set<String>> recordedWindows = new HashMap<>();
        for (Sample s : discovery) {
            String id = s.label("sloth_id");
            String window = s.label("sloth_window");
            if (id != null && window != null) {
                recordedWindows.computeIfAbsent(id, k -> new HashSet<>()).add(window);
            }
        }
        Set<String> ids = new HashSet<>();
        for (SloDefinition d : defs) {
            Set<String> have = recordedWindows.getOrDefault(d.slothId(), Set.of());
            if (windows.forSlo(d.slo()).stream().allMatch(w -> have.contains(SloWindows.promDuration(w)))) {
                ids.add(d.slothId());
            }
        }
        return ids;
    }

    public List<PlannedQuery> queries() {
        return queries;
    }

    /** True when at least one SLO is read from Sloth's recording rules. */
    public boolean readsRecordingRules() {
        return queries.stream().anyMatch(q -> q.source() == Source.SLOTH_RULES);
    }

    /**
     * Per SLO id (definition order), its windows from the answers of this plan's queries. A query
     * missing from {@code answers} (it failed) leaves its SLOs' window as no data, with the reason.
     */
    public Map<String, WindowRatios> read(Map<PlannedQuery, List<Sample>> answers) {
        // per query, its samples by SLO id: each SLO's window is asked by exactly one query of the plan
        List<Map<String, List<Sample>>> ratios = new ArrayList<>(queries.size());
        List<Map<String, List<Sample>>> events = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            PlannedQuery q = queries.get(i);
            List<Sample> answer = answers.get(q);
            if (answer == null) {
                ratios.add(null);
                events.add(null);
                continue;
            }
            Map<String, List<Sample>> ratioById = new HashMap<>(answer.size() * 2);
            Map<String, List<Sample>> eventsById = new HashMap<>();
            Set<String> asked = askedIds.get(i);
            boolean rules = q.source() == Source.SLOTH_RULES;
            for (Sample s : answer) {
                String ratioId = s.label(rules ? "sloth_id" : SLO_LABEL);
                if (ratioId != null && asked.contains(ratioId)) {
                    ratioById.computeIfAbsent(ratioId, k -> new ArrayList<>(1)).add(s);
                    continue;
                }
                String eventsId = rules ? null : s.label(EVENTS_LABEL);
                if (eventsId != null && asked.contains(eventsId)) {
                    eventsById.computeIfAbsent(eventsId, k -> new ArrayList<>(1)).add(s);
                }
            }
            ratios.add(ratioById);
            events.add(eventsById);
        }
        Map<String, WindowRatios> out = new LinkedHashMap<>();
        for (Map.Entry<String, SloDefinition> e : definitions.entrySet()) {
            String id = e.getKey();
            List<String> why = new ArrayList<>();
            Map<Duration, EventCounts> counts = Map.of();
            if (unplannable.containsKey(id)) {
                why.add(unplannable.get(id));
            } else {
                List<Duration> sloWindows = windowsBySlo.get(id);
                int[] queryOf = queryOfWindow.get(id);
                // built immutable at once, so WindowRatios keeps it without another copy
                @SuppressWarnings("unchecked")
                Map.Entry<Duration, EventCounts>[] byWindow = new Map.Entry[sloWindows.size()];
                for (int k = 0; k < sloWindows.size(); k++) {
                    Duration w = sloWindows.get(k);
                    int qi = queryOf[k];
                    if (qi >= 0 && ratios.get(qi) == null) {
                        why.add(SloWindows.promDuration(w) + ": the query failed or was not run");
                        byWindow[k] = Map.entry(w, EventCounts.NO_DATA);
                        continue;
                    }
                    byWindow[k] = Map.entry(w, window(id, w, qi < 0 ? List.of() : ratios.get(qi).getOrDefault(id, List.of()),
                            qi < 0 ? List.of() : events.get(qi).getOrDefault(id, List.of()), why));
                }
                counts = Map.ofEntries(byWindow);
            }
            out.put(id, new WindowRatios(id, counts, why));
        }
        return out;
    }

    private EventCounts window(String id, Duration w, List<Sample> ratio, List<Sample> eventRates, List<String> why) {
        if (ratio.isEmpty() || ratio.size() > 1 || !Double.isFinite(ratio.get(0).value())) {
            return noRatio(w, ratio, why);
        }
        double value = ratio.get(0).value();
        if (!countsEvents.contains(id)) {
            return EventCounts.ofErrorRatio(value);
        }
        if (eventRates.size() != 1 || !Double.isFinite(eventRates.get(0).value()) || eventRates.get(0).value() < 0) {
            why.add(SloWindows.promDuration(w) + ": the total events did not come back as one number; the low-traffic"
                    + " guard is skipped");
            return EventCounts.ofErrorRatio(value);
        }
        double total = eventRates.get(0).value() * w.toSeconds();
        double clamped = Math.min(1.0, Math.max(0.0, value));
        return EventCounts.ofBad(clamped * total, total);
    }

    /** A window without one finite ratio, and why; apart so a healthy window builds no wording. */
    private static EventCounts noRatio(Duration w, List<Sample> ratio, List<String> why) {
        String at = SloWindows.promDuration(w) + ": ";
        if (ratio.isEmpty()) {
            why.add(at + "no series came back (no traffic yet, or the metrics are not scraped)");
            return EventCounts.NO_DATA;
        }
        if (ratio.size() > 1) {
            why.add(at + ratio.size() + " series for one SLO; its ratio must reduce to one series (sum the queries),"
                    + " shown as no data rather than merged");
            return EventCounts.NO_DATA;
        }
        double value = ratio.get(0).value();
        if (Double.isNaN(value)) {
            why.add(at + "the ratio is NaN (no events in the window)");
            return EventCounts.NO_DATA;
        }
        why.add(at + "the ratio is " + (value > 0 ? "+Inf" : "-Inf") + " (errors counted without total events)");
        return EventCounts.NO_DATA;
    }

    private record Part(String id, String text) {
    }

    private static List<PlannedQuery> ruleBatches(Duration w, List<String> ids, int maxBodyBytes) {
        List<PlannedQuery> out = new ArrayList<>();
        String metric = RULE_PREFIX + SloWindows.promDuration(w);
        // URL encoding maps each character on its own, so a batch's size is the sum of its parts': counted
        // per id rather than by encoding every growing query again, which made planning 200 SLOs quadratic
        int empty = bodyBytes(ruleQuery(metric, List.of()));
        int separator = encodedLength("|");
        int bytes = empty;
        List<String> batch = new ArrayList<>();
        for (String id : ids) {
            int idBytes = encodedLength(promString(regexQuote(id)));
            if (!batch.isEmpty() && bytes + separator + idBytes > maxBodyBytes) {
                out.add(new PlannedQuery(ruleQuery(metric, batch), w, Source.SLOTH_RULES, batch));
                batch = new ArrayList<>();
                bytes = empty;
            }
            bytes += (batch.isEmpty() ? 0 : separator) + idBytes;
            batch.add(id);
        }
        if (!batch.isEmpty()) {
            out.add(new PlannedQuery(ruleQuery(metric, batch), w, Source.SLOTH_RULES, batch));
        }
        return out;
    }

    private static String ruleQuery(String metric, List<String> ids) {
        StringBuilder regex = new StringBuilder();
        for (String id : ids) {
            regex.append(regex.length() == 0 ? "" : "|").append(regexQuote(id));
        }
        return metric + "{sloth_id=~\"" + promString(regex.toString()) + "\"}";
    }

    private static List<PlannedQuery> rawBatches(Duration w, List<Part> parts, int maxBodyBytes) {
        List<PlannedQuery> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        // the other form fields (time, timeout) once per request; each part and each " or " by its encoded length
        int bytes = PARAMETER_ROOM;
        List<String> ids = new ArrayList<>();
        for (Part p : parts) {
            int partBytes = encodedLength(p.text()) + (text.length() == 0 ? 0 : encodedLength(" or "));
            if (!ids.isEmpty() && bytes + partBytes > maxBodyBytes) {
                out.add(new PlannedQuery(text.toString(), w, Source.RAW_QUERIES, ids));
                text.setLength(0);
                ids = new ArrayList<>();
                bytes = PARAMETER_ROOM;
                partBytes = encodedLength(p.text());
            }
            text.append(text.length() == 0 ? "" : " or ").append(p.text());
            ids.add(p.id());
            bytes += partBytes;
        }
        if (!ids.isEmpty()) {
            out.add(new PlannedQuery(text.toString(), w, Source.RAW_QUERIES, ids));
        }
        return out;
    }

    /** What the query costs in a form body: url-encoded, plus room for the other parameters. */
    static int bodyBytes(String promql) {
        return encodedLength(promql) + PARAMETER_ROOM;
    }

    private static int encodedLength(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).length();
    }

    /** The SLO's error ratio over {@code w}, as one expression. */
    static String ratio(Sli sli, Duration w) {
        return switch (sli.kind()) {
            case BAD_OVER_TOTAL -> "(" + windowed(sli.eventsQuery(), w) + ") / (" + windowed(sli.totalQuery(), w) + ")";
            case GOOD_OVER_TOTAL -> "1 - ((" + windowed(sli.eventsQuery(), w) + ") / (" + windowed(sli.totalQuery(), w) + "))";
            case ERROR_RATIO -> "(" + windowed(sli.eventsQuery(), w) + ")";
        };
    }

    private static String windowed(String query, Duration w) {
        return query.strip().replace(SloSpecs.WINDOW, SloWindows.promDuration(w));
    }

    /**
     * True when the query is one per-second rate over the window, {@code rate(x[{{.window}}])} alone or
     * inside one {@code sum}: then rate x seconds is the event count. Sums of rates minus others, or
     * anything over a fixed range, are not, and their totals stay unknown.
     */
    static boolean isRateOverWindow(String query) {
        if (query == null) {
            return false;
        }
        String q = query.strip();
        String inner = call(q, "sum");
        if (inner != null) {
            q = inner.strip();
        }
        String rate = call(q, "rate");
        return rate != null && rate.strip().endsWith("[" + SloSpecs.WINDOW + "]");
    }

    /** The argument of {@code fn [by|without (...)] (arg)} when that call is the whole of {@code s}; else null. */
    private static String call(String s, String fn) {
        if (!s.startsWith(fn)) {
            return null;
        }
        int i = fn.length();
        String rest = s.substring(i).stripLeading();
        if (rest.startsWith("by") || rest.startsWith("without")) {
            int open = rest.indexOf('(');
            int close = rest.indexOf(')');
            if (open < 0 || close < open) {
                return null;
            }
            rest = rest.substring(close + 1).stripLeading();
        }
        if (!rest.startsWith("(")) {
            return null;
        }
        int depth = 0;
        char quote = 0;
        for (int k = 0; k < rest.length(); k++) {
            char c = rest.charAt(k);
            if (quote != 0) {
                if (c == '\\') {
                    k++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return k == rest.length() - 1 ? rest.substring(1, k) : null;
                }
            }
        }
        return null;
    }

    /** A value inside a PromQL double-quoted string. */
    static String promString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** An id as a literal inside an RE2 regex. */
    private static String regexQuote(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
