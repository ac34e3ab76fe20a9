package dev.warroom.postmortem;

import dev.warroom.incident.EventPayload.AlertFired;
import dev.warroom.incident.EventPayload.SliObserved;
import dev.warroom.incident.TimelineEvent;
import dev.warroom.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the incident cost the SLO, from the timeline's alert and SLI readings.
 *
 * <p>Each reading covers {@code [at - window, at]}. Readings' windows overlap (a growing hold
 * window, a 5m reading followed by a 2m one), so a reading only counts the part of its window no
 * earlier reading covered, pro rata: that part's bad requests are {@code badRequests * part / window}
 * and its budget is {@code burn * part / period}, with {@code burn = (1 - sli) / (1 - objective)}.
 * The sum over readings is what was <em>measured</em>: a lower bound, since time between readings
 * is not seen. The <em>estimate</em> also fills each gap between readings with the rate of the
 * reading before it.
 *
 * @param period            the SLO period the budget is over (from the alert's explanation; 30 days if it says none)
 * @param periodAssumed     true when the period is the 30-day default rather than read from the alert
 * @param budgetAtAlert     fraction of the budget left when the first alert fired, NaN if no alert said
 * @param consumedMeasured  fraction of the period's budget burnt in the measured windows
 * @param consumedEstimated the same with the gaps between readings filled
 * @param consumedAfterAlert estimated fraction burnt after the first alert, which its budgetRemaining does not include yet
 * @param badMeasured       bad requests counted in the measured windows (readings with counts only)
 * @param requestsMeasured  all requests counted in the measured windows
 * @param badEstimated      bad requests with the gaps filled
 * @param measured          total time the counted windows cover
 * @param span              from the start of the first counted window to the last reading
 * @param peakBurn          highest burn rate seen by the alert or a reading, NaN if none
 * @param peakBurnWindow    the window of that burn rate, e.g. {@code 5m}
 * @param peakBurnAt        when it was seen
 * @param lowestSli         lowest SLI reading, NaN if none
 * @param lowestSliAt       when it was read
 * @param lowestSliWindow   its window
 */
public record Impact(String slo, double objective, Duration period, boolean periodAssumed, double budgetAtAlert,
                     double consumedMeasured, double consumedEstimated, double consumedAfterAlert,
                     double badMeasured, double requestsMeasured, double badEstimated,
                     Duration measured, Duration span, double peakBurn, String peakBurnWindow, Instant peakBurnAt,
                     double lowestSli, Instant lowestSliAt, String lowestSliWindow) {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    /** PolicyEvaluator writes "... of the 30-day budget ..." into every page and ticket explanation. */
    private static final Pattern PERIOD = Pattern.compile("(\\d+)-(day|hour) budget");

    /** True when at least one reading carried request counts. */
    public boolean hasCounts() {
        return !measured.isZero();
    }

    /** Budget left after the incident, estimated; NaN when the alert did not say how much was left. */
    public double budgetLeftAfter() {
        return budgetAtAlert - consumedAfterAlert;
    }

    public static Impact from(List<TimelineEvent> events) {
        AlertFired alert = null;
        Instant alertAt = null;
        String slo = null;
        double objective = Double.NaN;
        double peak = Double.NaN;
        String peakWindow = null;
        Instant peakAt = null;
        double lowest = Double.NaN;
        Instant lowestAt = null;
        String lowestWindow = null;
        List<Segment> measured = new ArrayList<>();
        for (TimelineEvent e : events) {
            if (e.payload() instanceof AlertFired a) {
                if (alert == null) {
                    alert = a;
                    alertAt = e.at();
                }
                String[] windows = a.window() == null ? new String[0] : a.window().split("/");
                if (!(a.longBurn() <= peak)) {
                    peak = a.longBurn();
                    peakWindow = windows.length > 0 ? windows[0] : a.window();
                    peakAt = e.at();
                }
                if (!(a.shortBurn() <= peak)) {
                    peak = a.shortBurn();
                    peakWindow = windows.length > 1 ? windows[1] : a.window();
                    peakAt = e.at();
                }
                slo = slo == null ? a.slo() : slo;
            } else if (e.payload() instanceof SliObserved o) {
                slo = slo == null ? o.slo() : slo;
                objective = Double.isNaN(objective) ? o.objective() : objective;
                if (Double.isNaN(o.sli())) {
                    continue;
                }
                if (!(o.sli() >= lowest)) {
                    lowest = o.sli();
                    lowestAt = e.at();
                    lowestWindow = o.window();
                }
                double burn = (1 - o.sli()) / (1 - o.objective());
                if (!(burn <= peak)) {
                    peak = burn;
                    peakWindow = o.window();
                    peakAt = e.at();
                }
                Duration window = window(o.window());
                if (window != null && o.requests() != null && o.badRequests() != null && o.requests() > 0) {
                    addUncovered(measured, e.at().minus(window), e.at(), burn,
                            o.badRequests() / (double) window.toMillis(), o.requests() / (double) window.toMillis());
                }
            }
        }
        Duration period = DEFAULT_PERIOD;
        boolean assumed = true;
        if (alert != null && alert.explanation() != null) {
            Matcher m = PERIOD.matcher(alert.explanation());
            if (m.find()) {
                long n = Long.parseLong(m.group(1));
                period = m.group(2).equals("day") ? Duration.ofDays(n) : Duration.ofHours(n);
                assumed = false;
            }
        }
        List<Segment> filled = fillGaps(measured);
        double periodMs = period.toMillis();
        double consumedMeasured = 0;
        double bad = 0;
        double requests = 0;
        long coveredMs = 0;
        for (Segment s : measured) {
            consumedMeasured += s.burn() * s.millis() / periodMs;
            bad += s.badPerMs() * s.millis();
            requests += s.requestsPerMs() * s.millis();
            coveredMs += s.millis();
        }
        double consumedEstimated = 0;
        double consumedAfterAlert = 0;
        double badEstimated = 0;
        for (Segment s : filled) {
            consumedEstimated += s.burn() * s.millis() / periodMs;
            badEstimated += s.badPerMs() * s.millis();
            if (alertAt != null) {
                consumedAfterAlert += s.burn() * s.clippedFrom(alertAt) / periodMs;
            }
        }
        Duration span = measured.isEmpty() ? Duration.ZERO
                : Duration.between(measured.get(0).from(), measured.get(measured.size() - 1).to());
        return new Impact(slo, objective, period, assumed, alert == null ? Double.NaN : alert.budgetRemaining(),
                consumedMeasured, consumedEstimated, consumedAfterAlert, bad, requests, badEstimated,
                Duration.ofMillis(coveredMs), span, peak, peakWindow, peakAt, lowest, lowestAt, lowestWindow);
    }

    private static Duration window(String text) {
        if (text == null) {
            return null;
        }
        try {
            Duration d = Durations.parse(text);
            return d.isZero() || d.isNegative() ? null : d;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A stretch of time burning at one rate; {@code segments} stay sorted and disjoint. */
    private record Segment(Instant from, Instant to, double burn, double badPerMs, double requestsPerMs) {
        long millis() {
            return Duration.between(from, to).toMillis();
        }

        long clippedFrom(Instant start) {
            Instant s = from.isBefore(start) ? start : from;
            return s.isBefore(to) ? Duration.between(s, to).toMillis() : 0;
        }
    }

    /** Adds the parts of {@code [from, to]} that no segment covers yet. */
    private static void addUncovered(List<Segment> segments, Instant from, Instant to, double burn, double badPerMs,
                                     double requestsPerMs) {
        List<Segment> pieces = new ArrayList<>();
        Instant cursor = from;
        for (Segment s : segments) {
            if (!s.to().isAfter(cursor) || !s.from().isBefore(to)) {
                continue;
            }
            if (s.from().isAfter(cursor)) {
                pieces.add(new Segment(cursor, s.from(), burn, badPerMs, requestsPerMs));
            }
            cursor = s.to().isAfter(cursor) ? s.to() : cursor;
        }
        if (cursor.isBefore(to)) {
            pieces.add(new Segment(cursor, to, burn, badPerMs, requestsPerMs));
        }
        segments.addAll(pieces);
        segments.sort((a, b) -> a.from().compareTo(b.from()));
    }

    /** The measured segments plus each gap between them at the rate of the segment before it. */
    private static List<Segment> fillGaps(List<Segment> measured) {
        List<Segment> filled = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            Segment s = measured.get(i);
            filled.add(s);
            if (i + 1 < measured.size() && measured.get(i + 1).from().isAfter(s.to())) {
                filled.add(new Segment(s.to(), measured.get(i + 1).from(), s.burn(), s.badPerMs(), s.requestsPerMs()));
            }
        }
        return filled;
    }
}
