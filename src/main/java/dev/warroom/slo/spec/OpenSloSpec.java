package dev.warroom.slo.spec;

import static dev.warroom.slo.spec.SpecDocument.Invalid;
import static dev.warroom.slo.spec.SpecDocument.child;
import static dev.warroom.slo.spec.SpecDocument.has;
import static dev.warroom.slo.spec.SpecDocument.labels;
import static dev.warroom.slo.spec.SpecDocument.list;
import static dev.warroom.slo.spec.SpecDocument.number;
import static dev.warroom.slo.spec.SpecDocument.object;
import static dev.warroom.slo.spec.SpecDocument.optionalObject;
import static dev.warroom.slo.spec.SpecDocument.optionalText;
import static dev.warroom.slo.spec.SpecDocument.path;
import static dev.warroom.slo.spec.SpecDocument.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warroom.slo.Sli;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenSLO {@code kind: SLO} documents, {@code openslo/v1} and the older {@code openslo/v1alpha} that
 * Sloth's examples use. Each objective becomes one SLO named {@code <metadata.name>-<index>}, as
 * Sloth names them, so the ids match Sloth's recording rules when Sloth generated them.
 *
 * <p>What Warroom measures is an event ratio over a rolling window, so it reads:
 * {@code budgetingMethod: Occurrences}; a rolling {@code timeWindow} in m, h, d or w;
 * a {@code ratioMetric} (good or bad over total, or raw) from a Prometheus {@code metricSource} with
 * an inline {@code spec.query}. An {@code indicatorRef} is resolved against the {@code kind: SLI}
 * documents of the same file only. Everything else is refused with "unsupported: field value: why".
 */
final class OpenSloSpec {
    private static final Pattern SHORTHAND = Pattern.compile("(\\d+)([mhdwMQY])");

    private OpenSloSpec() {
    }

    /** An OpenSLO v1 {@code kind: SLI} that an SLO of the same file may reference by name. */
    record NamedSli(SpecDocument doc, JsonNode spec, String at) {
    }

    static List<SloDefinition> readV1(SpecDocument doc, Map<String, NamedSli> slis) {
        JsonNode root = doc.root;
        JsonNode metadata = object(root, "", "metadata");
        String name = text(metadata, "metadata", "name");
        JsonNode spec = object(root, "", "spec");
        String service = text(spec, "spec", "service");
        budgetingMethod(spec);
        Duration period = v1Window(spec);

        Sli sli;
        if (has(spec, "indicator") && has(spec, "indicatorRef")) {
            throw Invalid.at("spec.indicator", "has both indicator and indicatorRef; OpenSLO takes exactly one");
        }
        if (has(spec, "indicatorRef")) {
            String ref = text(spec, "spec", "indicatorRef");
            NamedSli named = slis.get(ref);
            if (named == null) {
                throw Invalid.unsupported("spec.indicatorRef", ref, "no kind: SLI named " + ref + " in this file;"
                        + " Warroom resolves indicatorRef only within the same file (or write the indicator inline)");
            }
            try {
                sli = v1Sli(named.spec(), named.at());
            } catch (Invalid e) {
                // the field is in the SLI document: say so, since the line is that document's
                throw new Invalid(e.field, e.getMessage() + " (in kind: SLI " + ref + ", used by spec.indicatorRef)");
            }
        } else {
            JsonNode indicator = object(spec, "spec", "indicator");
            sli = v1Sli(object(indicator, "spec.indicator", "spec"), "spec.indicator.spec");
        }

        Map<String, String> labels = labels(metadata, "metadata", "labels");
        String runbook = runbook(metadata);
        JsonNode objectives = list(spec, "spec", "objectives");
        List<SloDefinition> out = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            String at = "spec.objectives[" + i + "]";
            JsonNode objective = objectives.get(i);
            if (!objective.isObject()) {
                throw Invalid.at(at, "must be a mapping with target or targetPercent");
            }
            out.add(definition(doc, name + "-" + i, service, target(objective, at), sli, period, labels, runbook, at));
        }
        return out;
    }

    static NamedSli sliDocument(SpecDocument doc) {
        JsonNode metadata = object(doc.root, "", "metadata");
        text(metadata, "metadata", "name");
        return new NamedSli(doc, object(doc.root, "", "spec"), "spec");
    }

    static String sliName(SpecDocument doc) {
        return text(object(doc.root, "", "metadata"), "metadata", "name");
    }

    private static void budgetingMethod(JsonNode spec) {
        String method = text(spec, "spec", "budgetingMethod");
        switch (method) {
            case "Occurrences" -> {
            }
            case "Timeslices", "RatioTimeslices" -> throw Invalid.unsupported("spec.budgetingMethod", method,
                    "Warroom budgets occurrences (bad events over all events); a " + method + " SLO counts good time"
                            + " slices, which burn rates of event ratios do not measure (use Occurrences)");
            default -> throw Invalid.at("spec.budgetingMethod", "must be Occurrences, Timeslices or RatioTimeslices, got '"
                    + SpecDocument.shorten(method) + "'");
        }
    }

    private static Duration v1Window(JsonNode spec) {
        JsonNode windows = list(spec, "spec", "timeWindow");
        String at = "spec.timeWindow[0]";
        JsonNode window = windows.get(0);
        if (!window.isObject()) {
            throw Invalid.at(at, "must be a mapping with duration and isRolling");
        }
        if (windows.size() > 1) {
            throw Invalid.at("spec.timeWindow[1]", "OpenSLO allows exactly one time window");
        }
        JsonNode rolling = child(window, "isRolling");
        if (has(window, "calendar") || rolling != null && !rolling.asBoolean(true)) {
            throw Invalid.unsupported(at + ".isRolling", "false (a calendar window)",
                    "Warroom's error budget is a rolling window; set isRolling: true");
        }
        return shorthand(text(window, at, "duration"), at + ".duration");
    }

    /** OpenSLO's duration shorthand: a whole number and one of m h d w (M Q Y refused: their length varies). */
    private static Duration shorthand(String text, String field) {
        Matcher m = SHORTHAND.matcher(text);
        if (!m.matches()) {
            throw Invalid.at(field, "'" + SpecDocument.shorten(text) + "' is not an OpenSLO duration (a whole number and"
                    + " m, h, d, w, M, Q or Y, e.g. 28d)");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw Invalid.at(field, "'" + SpecDocument.shorten(text) + "' is too long a window");
        }
        if (n == 0 || n > 3660) {
            throw Invalid.at(field, "'" + text + "' must be a positive window of at most ten years");
        }
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            case "w" -> Duration.ofDays(7 * n);
            default -> throw Invalid.unsupported(field, text, "months, quarters and years vary in length and the budget"
                    + " maths needs an exact period; write it in days or weeks (e.g. 30d, 4w)");
        };
    }

    private static Sli v1Sli(JsonNode sliSpec, String at) {
        if (has(sliSpec, "thresholdMetric")) {
            throw Invalid.unsupported(at + ".thresholdMetric", "", "a threshold SLI compares one metric with"
                    + " objectives[].op and value; Warroom reads ratio SLIs only (ratioMetric: good or bad over total)");
        }
        String ratioAt = at + ".ratioMetric";
        JsonNode ratio = object(sliSpec, at, "ratioMetric");
        JsonNode counterNode = child(ratio, "counter");
        boolean counter = counterNode != null && counterNode.asBoolean(false);
        if (has(ratio, "raw")) {
            String rawType = text(ratio, ratioAt, "rawType");
            String query = query(ratio, ratioAt, "raw", false);
            if (!SpecDocument.hasWindow(query)) {
                throw Invalid.unsupported(ratioAt + ".raw.metricSource.spec.query", "", "a raw ratio query without "
                        + SloSpecs.WINDOW + " cannot be evaluated over the alert windows; write the window as "
                        + SloSpecs.WINDOW);
            }
            return switch (rawType) {
                case "failure" -> Sli.errorRatio(query);
                case "success" -> Sli.errorRatio("1 - (" + query + ")");
                default -> throw Invalid.at(ratioAt + ".rawType", "must be success or failure, got '"
                        + SpecDocument.shorten(rawType) + "'");
            };
        }
        boolean good = has(ratio, "good");
        boolean bad = has(ratio, "bad");
        if (good == bad) {
            throw Invalid.at(ratioAt, good ? "has both good and bad; OpenSLO takes exactly one numerator"
                    : "needs good or bad (and total)");
        }
        String numerator = query(ratio, ratioAt, good ? "good" : "bad", counter);
        String total = query(ratio, ratioAt, "total", counter);
        return good ? Sli.goodOverTotal(numerator, total) : Sli.badOverTotal(numerator, total);
    }

    /**
     * The Prometheus query of {@code ratioMetric.<part>}, windowed: as written when it holds
     * {{.window}}, put into a rate when it is a counter selector, refused otherwise.
     */
    private static String query(JsonNode ratio, String ratioAt, String part, boolean counter) {
        String partAt = ratioAt + "." + part;
        JsonNode source = object(object(ratio, ratioAt, part), partAt, "metricSource");
        String sourceAt = partAt + ".metricSource";
        if (has(source, "metricSourceRef")) {
            throw Invalid.unsupported(sourceAt + ".metricSourceRef", optionalText(source, sourceAt, "metricSourceRef"),
                    "a DataSource defined elsewhere is not read; write type: Prometheus and spec.query inline");
        }
        String type = text(source, sourceAt, "type");
        if (!type.equalsIgnoreCase("prometheus")) {
            throw Invalid.unsupported(sourceAt + ".type", type, "Warroom queries Prometheus only (type: Prometheus)");
        }
        String queryAt = sourceAt + ".spec.query";
        String query = text(object(source, sourceAt, "spec"), sourceAt + ".spec", "query");
        if (SpecDocument.hasWindow(query)) {
            return SpecDocument.canonicalWindow(query);
        }
        if (!counter) {
            throw Invalid.unsupported(queryAt, "", "without counter: true and without " + SloSpecs.WINDOW
                    + " Warroom cannot tell how the query counts events over a window; mark a counter with counter: true"
                    + " or write the windowed query with " + SloSpecs.WINDOW);
        }
        return CounterQuery.windowed(query).orElseThrow(() -> Invalid.unsupported(queryAt,
                "`" + SpecDocument.shorten(query) + "`", "with counter: true Warroom puts the counter into rate(...["
                        + SloSpecs.WINDOW + "]) itself, which it can only do for a plain selector, sum(selector) or"
                        + " sum by (...) (selector); write the windowed query with " + SloSpecs.WINDOW + " instead"));
    }

    private static BigDecimal target(JsonNode objective, String at) {
        boolean ratio = has(objective, "target");
        boolean percent = has(objective, "targetPercent");
        if (ratio == percent) {
            throw Invalid.at(at, ratio ? "has both target and targetPercent; write one" : "needs target (e.g. 0.999)"
                    + " or targetPercent (e.g. 99.9)");
        }
        BigDecimal value = ratio ? number(objective, at, "target") : number(objective, at, "targetPercent").movePointLeft(2);
        String field = at + (ratio ? ".target" : ".targetPercent");
        if (value.signum() <= 0 || value.compareTo(BigDecimal.ONE) >= 0) {
            throw Invalid.at(field, ratio ? "must be in (0, 1), e.g. 0.999" : "must be in (0, 100), e.g. 99.9");
        }
        return value;
    }

    /** Sloth's v1alpha: objectives[].ratioMetrics (good or bad, total) with windowed queries; timeWindows[{count, unit}]. */
    static List<SloDefinition> readV1Alpha(SpecDocument doc) {
        JsonNode root = doc.root;
        JsonNode metadata = object(root, "", "metadata");
        String name = text(metadata, "metadata", "name");
        JsonNode spec = object(root, "", "spec");
        String service = text(spec, "spec", "service");
        budgetingMethod(spec);
        Duration period = SlothSpec.DEFAULT_PERIOD;
        if (has(spec, "timeWindows")) {
            JsonNode windows = list(spec, "spec", "timeWindows");
            String at = "spec.timeWindows[0]";
            JsonNode window = windows.get(0);
            if (!window.isObject()) {
                throw Invalid.at(at, "must be a mapping with count and unit");
            }
            JsonNode rolling = child(window, "isRolling");
            if (has(window, "calendar") || rolling != null && !rolling.asBoolean(true)) {
                throw Invalid.unsupported(at + ".isRolling", "false (a calendar window)",
                        "Warroom's error budget is a rolling window; set isRolling: true");
            }
            BigDecimal count = number(window, at, "count");
            if (count.signum() <= 0 || count.stripTrailingZeros().scale() > 0 || count.compareTo(BigDecimal.valueOf(3660)) > 0) {
                throw Invalid.at(at + ".count", "must be a whole number of units from 1 to 3660");
            }
            String unit = text(window, at, "unit");
            long n = count.longValueExact();
            period = switch (unit.toLowerCase(Locale.ROOT)) {
                case "minute" -> Duration.ofMinutes(n);
                case "hour" -> Duration.ofHours(n);
                case "day" -> Duration.ofDays(n);
                case "week" -> Duration.ofDays(7 * n);
                case "month", "quarter", "year" -> throw Invalid.unsupported(at + ".unit", unit, "months, quarters and"
                        + " years vary in length and the budget maths needs an exact period; write it in Day or Week");
                default -> throw Invalid.at(at + ".unit", "must be Minute, Hour, Day or Week, got '" + SpecDocument.shorten(unit) + "'");
            };
        }
        Map<String, String> labels = labels(metadata, "metadata", "labels");
        String runbook = runbook(metadata);
        JsonNode objectives = list(spec, "spec", "objectives");
        List<SloDefinition> out = new ArrayList<>();
        for (int i = 0; i < objectives.size(); i++) {
            String at = "spec.objectives[" + i + "]";
            JsonNode objective = objectives.get(i);
            if (!objective.isObject()) {
                throw Invalid.at(at, "must be a mapping with ratioMetrics and target");
            }
            String ratioAt = at + ".ratioMetrics";
            JsonNode ratio = object(objective, at, "ratioMetrics");
            boolean good = has(ratio, "good");
            if (good == has(ratio, "bad")) {
                throw Invalid.at(ratioAt, good ? "has both good and bad; write one" : "needs good or bad (and total)");
            }
            String numerator = v1AlphaQuery(ratio, ratioAt, good ? "good" : "bad");
            String total = v1AlphaQuery(ratio, ratioAt, "total");
            Sli sli = good ? Sli.goodOverTotal(numerator, total) : Sli.badOverTotal(numerator, total);
            out.add(definition(doc, name + "-" + i, service, target(objective, at), sli, period, labels, runbook, at));
        }
        return out;
    }

    private static String v1AlphaQuery(JsonNode ratio, String ratioAt, String part) {
        String partAt = ratioAt + "." + part;
        JsonNode metric = object(ratio, ratioAt, part);
        String source = optionalText(metric, partAt, "source");
        if (source != null && !source.equalsIgnoreCase("prometheus")) {
            throw Invalid.unsupported(partAt + ".source", source, "Warroom queries Prometheus only (source: prometheus)");
        }
        String type = optionalText(metric, partAt, "queryType");
        if (type != null && !type.equalsIgnoreCase("promql")) {
            throw Invalid.unsupported(partAt + ".queryType", type, "Warroom runs PromQL only (queryType: promql)");
        }
        return SpecDocument.windowedQuery(metric, partAt, "query");
    }

    private static SloDefinition definition(SpecDocument doc, String name, String service, BigDecimal target, Sli sli,
                                            Duration period, Map<String, String> labels, String runbook, String at) {
        String written = target.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        return new SloDefinition(SpecDocument.slo(name, service, target, at, written, period, sli), labels,
                service + "-" + name, runbook, doc.origin(at));
    }

    private static String runbook(JsonNode metadata) {
        JsonNode annotations = optionalObject(metadata, "metadata", "annotations");
        if (annotations == null) {
            return null;
        }
        for (String k : List.of("runbook_url", "runbook")) {
            String url = optionalText(annotations, "metadata.annotations", k);
            if (url != null && !url.isBlank()) {
                return url.strip();
            }
        }
        return null;
    }
}
