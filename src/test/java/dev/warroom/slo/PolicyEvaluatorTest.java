package dev.warroom.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.Severity;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final Duration M5 = Duration.ofMinutes(5);
    private static final Duration M30 = Duration.ofMinutes(30);
    private static final Duration H1 = Duration.ofHours(1);
    private static final Duration H2 = Duration.ofHours(2);
    private static final Duration H6 = Duration.ofHours(6);
    private static final Duration D1 = Duration.ofDays(1);
    private static final Duration D3 = Duration.ofDays(3);
    private static final Duration D28 = Duration.ofDays(28);
    private static final Duration D30 = Duration.ofDays(30);

    private static final AlertPolicy SRE = AlertPolicy.sreWorkbook();
    private static final Slo API = new Slo("api-availability", "api", 0.999, D30, Sli.badOverTotal(null, null));

    /** 10,000 events per 5 minutes of window, with the given error ratio. */
    private static EventCounts traffic(Duration window, double errorRatio) {
        double total = 10_000.0 * window.toMinutes() / 5;
        return EventCounts.ofBad(errorRatio * total, total);
    }

    /** A WindowCounts where every window has the same error ratio unless overridden. */
    private static final class Counts implements WindowCounts {
        final Map<Duration, EventCounts> overrides = new HashMap<>();
        final double defaultRatio;

        Counts(double defaultRatio) {
            this.defaultRatio = defaultRatio;
        }

        Counts ratio(Duration window, double ratio) {
            overrides.put(window, traffic(window, ratio));
            return this;
        }

        Counts set(Duration window, EventCounts counts) {
            overrides.put(window, counts);
            return this;
        }

        @Override
        public EventCounts over(Duration window) {
            return overrides.getOrDefault(window, traffic(window, defaultRatio));
        }
    }

    private static PairResult result(Decision d, Duration longWindow) {
        return d.pairs().stream().filter(r -> r.pair().longWindow().equals(longWindow)).findFirst().orElseThrow();
    }

    private static List<PairResult.Status> statuses(Decision d) {
        return d.pairs().stream().map(PairResult::status).toList();
    }

    @Test
    void fastBurn_pagesSev1_andSuppressesSlowerPairs() {
        Decision d = PolicyEvaluator.evaluate(API, SRE, new Counts(0.0162));
        assertEquals(Decision.State.PAGE, d.state());
        assertTrue(d.pages());
        assertEquals(Severity.SEV1, d.severity());
        assertEquals("1h/5m", d.firingPair().orElseThrow().pair().label());
        assertEquals(List.of(PairResult.Status.FIRING, PairResult.Status.SUPPRESSED, PairResult.Status.SUPPRESSED,
                PairResult.Status.SUPPRESSED), statuses(d));
        assertEquals(16.2, d.firing().longBurn(), 1e-9);
        assertEquals(16.2, d.firing().shortBurn(), 1e-9);
        assertEquals(14.4, d.firing().factor(), 1e-9);
        assertEquals(120_000, d.firing().longEvents(), 1e-6);
        assertTrue(result(d, H6).overThreshold());
        assertEquals("api-availability", d.slo());
    }

    @Test
    void sustainedBurn_only_pagesSev2() {
        // 8x: under the 14.4x fast page, over the 6x sustained page and both ticket pairs
        Decision d = PolicyEvaluator.evaluate(API, SRE, new Counts(0.008));
        assertEquals(Decision.State.PAGE, d.state());
        assertEquals(Severity.SEV2, d.severity());
        assertEquals("6h/30m", d.firing().pair().label());
        assertEquals(List.of(PairResult.Status.QUIET, PairResult.Status.FIRING, PairResult.Status.SUPPRESSED,
                PairResult.Status.SUPPRESSED), statuses(d));
        assertFalse(result(d, H1).overThreshold());
    }

    @Test
    void dayLongBurn_opensTicketSev3_notAPage() {
        Decision d = PolicyEvaluator.evaluate(API, SRE, new Counts(0.004));
        assertEquals(Decision.State.TICKET, d.state());
        assertFalse(d.pages());
        assertEquals(Severity.SEV3, d.severity());
        assertEquals("1d/2h", d.firing().pair().label());
        assertEquals(List.of(PairResult.Status.QUIET, PairResult.Status.QUIET, PairResult.Status.FIRING,
                PairResult.Status.SUPPRESSED), statuses(d));
    }

    @Test
    void slowBurn_overThreeDays_opensTicketFromThe3dPair() {
        Decision d = PolicyEvaluator.evaluate(API, SRE, new Counts(0.002));
        assertEquals(Decision.State.TICKET, d.state());
        assertEquals(Severity.SEV3, d.severity());
        assertEquals("3d/6h", d.firing().pair().label());
        assertEquals(List.of(PairResult.Status.QUIET, PairResult.Status.QUIET, PairResult.Status.QUIET,
                PairResult.Status.FIRING), statuses(d));
    }

    @Test
    void healthy_isOk_withNoSeverity_andExplanationSaysBudgetLeft() {
        Counts counts = new Counts(0.0005).ratio(D30, 0.00025);
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(Decision.State.OK, d.state());
        assertNull(d.severity());
        assertTrue(d.firingPair().isEmpty());
        assertEquals(0.75, d.budgetRemaining(), 1e-9);
        assertEquals("ok: burning 0.5x over 1h (page at 14.4x); 75% of the 30-day budget left", d.explanation());
    }

    @Test
    void longWindowHigh_shortWindowLow_isQuiet_soTheAlertResets() {
        // errors stopped 5 minutes ago: the hour still looks bad, the last 5 minutes are clean
        Counts counts = new Counts(0.0).ratio(H1, 0.05).ratio(M5, 0.0);
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(Decision.State.OK, d.state());
        PairResult fast = result(d, H1);
        assertEquals(PairResult.Status.QUIET, fast.status());
        assertEquals(50.0, fast.longBurn(), 1e-9);
        assertEquals(0.0, fast.shortBurn(), 1e-9);
    }

    @Test
    void shortWindowHigh_longWindowLow_isQuiet_noPageOnABlip() {
        Counts counts = new Counts(0.0).ratio(M5, 0.5).ratio(H1, 0.001);
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(PairResult.Status.QUIET, result(d, H1).status());
        assertEquals(Decision.State.OK, d.state());
    }

    @Test
    void burnExactlyAtFactor_doesNotFire_strictlyGreaterRequired() {
        // objective 0.5 -> budget 0.5 exactly; 20% of 30d in 3d -> factor 2.0 exactly; ratio 1.0 -> burn 2.0
        Slo coarse = new Slo("coarse", "svc", 0.5, D30, null);
        AlertPolicy policy = new AlertPolicy(List.of(
                new WindowPair(Severity.SEV2, WindowPair.Action.PAGE, D3, H6, 20)), 0);
        assertEquals(2.0, policy.pairs().get(0).factor(D30));
        Decision atFactor = PolicyEvaluator.evaluate(coarse, policy, w -> EventCounts.ofBad(100, 100));
        assertEquals(2.0, atFactor.pairs().get(0).longBurn());
        assertEquals(PairResult.Status.QUIET, atFactor.pairs().get(0).status());
        assertEquals(Decision.State.OK, atFactor.state());
    }

    @Test
    void ninetyPercentSlo_totalOutage_cannotFireFastPage_butSustainedPairPagesSev2() {
        Slo lax = new Slo("batch", "batch", 0.90, D30, null);
        Decision d = PolicyEvaluator.evaluate(lax, SRE, new Counts(1.0));
        assertEquals(PairResult.Status.QUIET, result(d, H1).status());
        assertEquals(10.0, result(d, H1).longBurn(), 1e-9);
        assertEquals(Decision.State.PAGE, d.state());
        assertEquals(Severity.SEV2, d.severity());
    }

    @Test
    void sameBurn_firesFastPageOn28dButNotOn30d() {
        // 14 is over 13.44 (28d) and under 14.4 (30d)
        Slo slo28 = new Slo("api-28d", "api", 0.999, D28, null);
        Decision d28 = PolicyEvaluator.evaluate(slo28, SRE, new Counts(0.014));
        Decision d30 = PolicyEvaluator.evaluate(API, SRE, new Counts(0.014));
        assertEquals(Severity.SEV1, d28.severity());
        assertEquals(13.44, d28.firing().factor(), 1e-9);
        assertEquals(Severity.SEV2, d30.severity());
        assertEquals(PairResult.Status.QUIET, result(d30, H1).status());
    }

    @Test
    void lowTraffic_highBurn_doesNotPage_pairMarkedLowTraffic() {
        // 3 failures out of 40 requests at night: burn 75x but too few events to wake anyone
        Counts counts = new Counts(0.0)
                .set(H1, EventCounts.ofBad(3, 40)).set(M5, EventCounts.ofBad(1, 4))
                .set(H6, EventCounts.ofBad(3, 90)).set(M30, EventCounts.ofBad(2, 12));
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(PairResult.Status.LOW_TRAFFIC, result(d, H1).status());
        assertEquals(PairResult.Status.LOW_TRAFFIC, result(d, H6).status());
        assertEquals(40, result(d, H1).longEvents(), 1e-9);
        assertFalse(d.pages());
        assertEquals(Decision.State.OK, d.state());
        assertFalse(result(d, H1).overThreshold());
        assertTrue(d.explanation().contains("too little traffic to page"), d.explanation());
    }

    @Test
    void lowTrafficGuard_exactlyAtMinimum_pages_andGuardIsConfigurable() {
        Counts counts = new Counts(0.0).set(H1, EventCounts.ofBad(5, 100)).set(M5, EventCounts.ofBad(1, 9));
        assertEquals(Decision.State.PAGE, PolicyEvaluator.evaluate(API, SRE, counts).state());
        Decision guarded = PolicyEvaluator.evaluate(API, SRE.withMinEventsToPage(101), counts);
        assertEquals(PairResult.Status.LOW_TRAFFIC, result(guarded, H1).status());
        assertFalse(guarded.pages());
    }

    @Test
    void lowTraffic_doesNotGuardTickets() {
        Counts counts = new Counts(0.0)
                .set(D1, EventCounts.ofBad(2, 50)).set(H2, EventCounts.ofBad(1, 10));
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(Decision.State.TICKET, d.state());
        assertEquals(PairResult.Status.FIRING, result(d, D1).status());
    }

    @Test
    void nanWindow_isNoData_neverOk() {
        Counts counts = new Counts(0.0).set(M5, EventCounts.NO_DATA);
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(Decision.State.NO_DATA, d.state());
        assertEquals(PairResult.Status.NO_DATA, result(d, H1).status());
        assertEquals(PairResult.Status.QUIET, result(d, H6).status());
        assertNull(d.severity());
        assertEquals("no data in the 1h/5m windows: health is unknown, not OK "
                + "(check that the SLI's metrics are being scraped)", d.explanation());
        assertEquals("no data", d.state().word());
    }

    @Test
    void zeroTotalWindows_areNoData_andBudgetRemainingIsNaN() {
        Decision d = PolicyEvaluator.evaluate(API, SRE, w -> EventCounts.ofBad(0, 0));
        assertEquals(Decision.State.NO_DATA, d.state());
        assertTrue(d.pairs().stream().allMatch(r -> r.status() == PairResult.Status.NO_DATA));
        assertTrue(Double.isNaN(d.budgetRemaining()));
        assertTrue(d.explanation().contains("1h/5m, 6h/30m, 1d/2h, 3d/6h"), d.explanation());
        assertEquals(0, d.pairs().get(0).longEvents());
    }

    @Test
    void firingPair_beatsNoDataElsewhere() {
        Counts counts = new Counts(0.02).set(D3, EventCounts.NO_DATA);
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(Decision.State.PAGE, d.state());
        assertEquals(PairResult.Status.NO_DATA, result(d, D3).status());
    }

    @Test
    void explanation_fastBurn_wholeBudget_16point2x_goneIn1point9Days_2point3PercentLastHour() {
        // period counts unknown (e.g. retention shorter than 30 days): the whole budget is assumed
        Counts counts = new Counts(0.0162).set(D30, EventCounts.NO_DATA);
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(Decision.State.PAGE, d.state());
        String text = d.explanation();
        assertTrue(text.startsWith("Sev-1 page: burning 16.2x over 1h (threshold 14.4x)"), text);
        assertTrue(text.contains("the 30-day budget is gone in 1.9 days"), text);
        // 16.2 x 1h / 720h = 2.25% -> "2.3%"
        assertTrue(text.endsWith("2.3% of it went in the last hour"), text);
    }

    @Test
    void explanation_fastBurn_withKnownBudget_saysWhatIsLeft() {
        // the only errors of the period are the last hour's: 16.2/720 of the budget spent, 97.75% left
        Counts counts = new Counts(0.0).ratio(H1, 0.0162).ratio(M5, 0.0162)
                .set(D30, EventCounts.ofBad(0.0162 * 120_000, 120_000 * 720));
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(0.9775, d.budgetRemaining(), 1e-9);
        String text = d.explanation();
        // 0.9775 x 30d / 16.2 = 1.81 days
        assertTrue(text.contains("the 98% left of the 30-day budget is gone in 1.8 days"), text);
        assertTrue(text.contains("% of it went in the last hour"), text);
    }

    @Test
    void explanation_sustainedBurn_namesSixHoursAndFivePercentBudget() {
        Counts counts = new Counts(0.0).ratio(H6, 0.01).ratio(M30, 0.01).set(D30, EventCounts.NO_DATA);
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(Severity.SEV2, d.severity());
        String text = d.explanation();
        // 10x: 3 days to spend 30 days of budget; 10 x 6h / 720h = 8.3%
        assertEquals("Sev-2 page: burning 10x over 6h (threshold 6x): at this rate the 30-day budget is gone in "
                + "3.0 days; 8.3% of it went in the last 6 hours", text);
    }

    @Test
    void explanation_overspentBudget_saysAlreadySpent() {
        Counts counts = new Counts(0.0162).ratio(D30, 0.002);
        Decision d = PolicyEvaluator.evaluate(API, SRE, counts);
        assertEquals(-1.0, d.budgetRemaining(), 1e-9);
        assertTrue(d.explanation().contains("the 30-day budget is already spent; it would last 1.9 days"),
                d.explanation());
    }

    @Test
    void times_and_percent_formatting() {
        assertEquals("16.2x", SloFormat.times(16.2));
        assertEquals("0.93x", SloFormat.times(0.9333333));
        assertEquals("14.4x", SloFormat.times(14.4));
        assertEquals("?x", SloFormat.times(Double.NaN));
        assertEquals("2.3%", SloFormat.percent(0.0225));
        assertEquals("71%", SloFormat.percent(0.71));
        assertEquals("0.5%", SloFormat.percent(0.005));
    }

    @Test
    void ratioOnlyWindows_fromRecordingRules_pageWithoutTheGuard_andShowNoEventCount() {
        Decision d = PolicyEvaluator.evaluate(API, SRE, window -> EventCounts.ofErrorRatio(0.02));
        assertEquals(Decision.State.PAGE, d.state());
        assertEquals(Severity.SEV1, d.severity());
        assertTrue(Double.isNaN(d.firing().longEvents()), "no event count was read, so none is shown");
        assertEquals(20.0, d.firing().longBurn(), 1e-9);
    }
}
