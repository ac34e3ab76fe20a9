package dev.warroom.slo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warroom.incident.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error-budget arithmetic of the SRE Workbook, chapter 5 (Table 5-8 and iteration 6). */
class SloMathTest {
    private static final double EPS = 1e-9;
    private static final Duration D30 = Duration.ofDays(30);
    private static final Duration D28 = Duration.ofDays(28);

    private static Slo slo(double objective, Duration period) {
        return new Slo("api-availability", "api", objective, period, null);
    }

    private static WindowPair pair(AlertPolicy policy, Duration longWindow) {
        return policy.pairs().stream().filter(p -> p.longWindow().equals(longWindow)).findFirst().orElseThrow();
    }

    @Test
    void factor_isWorkbookValue_for30dPeriod() {
        AlertPolicy policy = AlertPolicy.sreWorkbook();
        assertEquals(14.4, pair(policy, Duration.ofHours(1)).factor(D30), EPS);
        assertEquals(6.0, pair(policy, Duration.ofHours(6)).factor(D30), EPS);
        assertEquals(3.0, pair(policy, Duration.ofDays(1)).factor(D30), EPS);
        assertEquals(1.0, pair(policy, Duration.ofDays(3)).factor(D30), EPS);
    }

    @Test
    void factor_scalesWithPeriod_for28dPeriod() {
        AlertPolicy policy = AlertPolicy.sreWorkbook();
        assertEquals(13.44, pair(policy, Duration.ofHours(1)).factor(D28), EPS);
        assertEquals(5.6, pair(policy, Duration.ofHours(6)).factor(D28), EPS);
        assertEquals(2.8, pair(policy, Duration.ofDays(1)).factor(D28), EPS);
        assertEquals(28.0 / 30.0, pair(policy, Duration.ofDays(3)).factor(D28), EPS);
        assertEquals(0.9333333333, pair(policy, Duration.ofDays(3)).factor(D28), 1e-9);
    }

    @Test
    void sreWorkbook_hasFourPairs_mostSevereFirst_withShortWindowOneTwelfthOfLong() {
        List<WindowPair> pairs = AlertPolicy.sreWorkbook().pairs();
        assertEquals(4, pairs.size());
        assertEquals(List.of(Severity.SEV1, Severity.SEV2, Severity.SEV3, Severity.SEV3),
                pairs.stream().map(WindowPair::severity).toList());
        assertEquals(List.of(WindowPair.Action.PAGE, WindowPair.Action.PAGE, WindowPair.Action.TICKET, WindowPair.Action.TICKET),
                pairs.stream().map(WindowPair::action).toList());
        assertEquals(List.of("1h/5m", "6h/30m", "1d/2h", "3d/6h"), pairs.stream().map(WindowPair::label).toList());
        for (WindowPair p : pairs) {
            assertEquals(p.longWindow().toMillis(), p.shortWindow().toMillis() * 12, p.label());
        }
        assertEquals(100, AlertPolicy.sreWorkbook().minEventsToPage());
    }

    @Test
    void alertPolicy_sortsPairsMostSevereFirst_andListsWindowsLongestFirst() {
        WindowPair ticket = new WindowPair(Severity.SEV3, WindowPair.Action.TICKET, Duration.ofDays(3), Duration.ofHours(6), 10);
        WindowPair page = new WindowPair(Severity.SEV1, WindowPair.Action.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 2);
        AlertPolicy policy = new AlertPolicy(List.of(ticket, page), 0);
        assertEquals(List.of(page, ticket), policy.pairs());
        assertEquals(List.of(Duration.ofDays(3), Duration.ofHours(6), Duration.ofHours(1), Duration.ofMinutes(5)),
                policy.windows());
        // 3d, 1d, 6h (long of one pair, short of another, listed once), 2h, 1h, 30m, 5m
        assertEquals(List.of(Duration.ofDays(3), Duration.ofDays(1), Duration.ofHours(6), Duration.ofHours(2),
                Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofMinutes(5)), AlertPolicy.sreWorkbook().windows());
    }

    @Test
    void errorRatioThreshold_isFactorTimesBudget_for999() {
        Slo slo = slo(0.999, D30);
        AlertPolicy policy = AlertPolicy.sreWorkbook();
        assertEquals(0.0144, pair(policy, Duration.ofHours(1)).errorRatioThreshold(slo), 1e-12);
        assertEquals(0.006, pair(policy, Duration.ofHours(6)).errorRatioThreshold(slo), 1e-12);
        assertEquals(0.003, pair(policy, Duration.ofDays(1)).errorRatioThreshold(slo), 1e-12);
        assertEquals(0.001, pair(policy, Duration.ofDays(3)).errorRatioThreshold(slo), 1e-12);
    }

    @Test
    void errorBudget_andBurnRate_forCommonObjectives() {
        assertEquals(0.001, slo(0.999, D30).errorBudget(), 1e-12);
        assertEquals(0.0001, slo(0.9999, D30).errorBudget(), 1e-12);
        assertEquals(1.0, slo(0.999, D30).burnRate(0.001), 1e-9);
        assertEquals(14.4, slo(0.999, D30).burnRate(0.0144), 1e-9);
        assertEquals(1000.0, slo(0.999, D30).burnRate(1.0), 1e-6);
    }

    @Test
    void ninetyPercentSlo_totalOutage_burnsOnly10x_soCanNeverFireThe1hPage() {
        Slo slo = slo(0.90, D30);
        double burn = slo.burnRate(1.0);
        assertEquals(10.0, burn, 1e-9);
        double fastFactor = pair(AlertPolicy.sreWorkbook(), Duration.ofHours(1)).factor(D30);
        assertTrue(burn < fastFactor, "total outage burns " + burn + "x, under the 14.4x page");
        // the 2%/1h pair's error-ratio threshold is 1.44: above any possible error ratio
        assertTrue(pair(AlertPolicy.sreWorkbook(), Duration.ofHours(1)).errorRatioThreshold(slo) > 1.0);
    }

    @Test
    void fiveNines_totalOutageBudget_isAbout26Seconds() {
        Duration budget = slo(0.99999, D30).totalOutageBudget();
        assertEquals(25_920, budget.toMillis(), 1);
        assertEquals(Duration.ofMinutes(43).plusSeconds(12), slo(0.999, D30).totalOutageBudget());
        assertEquals(259_200, slo(0.9999, D30).totalOutageBudget().toMillis(), 1);
    }

    @Test
    void budgetConsumed_workbookTable_2_5_10_percent() {
        Slo slo = slo(0.999, D30);
        assertEquals(0.02, slo.budgetConsumed(14.4, Duration.ofHours(1)), 1e-12);
        assertEquals(0.05, slo.budgetConsumed(6, Duration.ofHours(6)), 1e-12);
        assertEquals(0.10, slo.budgetConsumed(3, Duration.ofDays(1)), 1e-12);
        assertEquals(0.10, slo.budgetConsumed(1, Duration.ofDays(3)), 1e-12);
        assertEquals(1.0, slo.budgetConsumed(1, D30), 1e-12);
    }

    @Test
    void timeToExhaustion_is50hAt14point4_5dAt6_30dAt1() {
        Slo slo = slo(0.999, D30);
        assertEquals(Duration.ofHours(50), slo.timeToExhaustion(1.0, 14.4));
        assertEquals(Duration.ofDays(5), slo.timeToExhaustion(1.0, 6));
        assertEquals(D30, slo.timeToExhaustion(1.0, 1));
        assertEquals(Duration.ofHours(25), slo.timeToExhaustion(0.5, 14.4));
    }

    @Test
    void timeToExhaustion_edgeCases() {
        Slo slo = slo(0.999, D30);
        assertEquals(Slo.NEVER, slo.timeToExhaustion(1.0, 0));
        assertEquals(Slo.NEVER, slo.timeToExhaustion(1.0, Double.NaN));
        assertEquals(Duration.ZERO, slo.timeToExhaustion(0, 14.4));
        assertEquals(Duration.ZERO, slo.timeToExhaustion(-0.2, 14.4));
        assertEquals(Slo.NEVER, slo.timeToExhaustion(1.0, 1e-12));
    }

    @Test
    void budgetRemaining_fromErrorRatioOverPeriod() {
        Slo slo = slo(0.999, D30);
        assertEquals(1.0, slo.budgetRemaining(0.0), 1e-12);
        assertEquals(0.75, slo.budgetRemaining(0.00025), 1e-9);
        assertEquals(0.0, slo.budgetRemaining(0.001), 1e-9);
        assertEquals(-1.0, slo.budgetRemaining(0.002), 1e-9);
        assertTrue(Double.isNaN(slo.budgetRemaining(Double.NaN)));
    }

    @Test
    void slo_rejectsBadObjectiveAndPeriod_withReadableMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> slo(99.9, D30));
        assertTrue(e.getMessage().contains("api-availability") && e.getMessage().contains("0.999"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> slo(1.0, D30));
        assertThrows(IllegalArgumentException.class, () -> slo(0.0, D30));
        assertThrows(IllegalArgumentException.class, () -> slo(Double.NaN, D30));
        assertThrows(IllegalArgumentException.class, () -> slo(0.999, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Slo(" ", "api", 0.999, D30, null));
        assertEquals(Sli.Kind.BAD_OVER_TOTAL, slo(0.999, D30).sli().kind());
    }

    @Test
    void windowPair_rejectsShortNotShorterThanLong_andBadPercent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new WindowPair(Severity.SEV1, WindowPair.Action.PAGE, Duration.ofHours(1), Duration.ofHours(1), 2));
        assertTrue(e.getMessage().contains("1h"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () ->
                new WindowPair(Severity.SEV1, WindowPair.Action.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0));
        assertThrows(IllegalArgumentException.class, () ->
                new WindowPair(Severity.SEV1, WindowPair.Action.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 101));
        assertThrows(IllegalArgumentException.class, () -> new AlertPolicy(List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> AlertPolicy.sreWorkbook().withMinEventsToPage(-1));
    }

    @Test
    void eventCounts_errorRatio_sli_andNoData() {
        assertEquals(0.25, EventCounts.ofBad(25, 100).errorRatio(), 1e-12);
        assertEquals(0.75, EventCounts.ofBad(25, 100).sli(), 1e-12);
        assertEquals(0.1, EventCounts.ofGood(90, 100).errorRatio(), 1e-12);
        assertEquals(1.0, EventCounts.ofBad(150, 100).errorRatio(), 1e-12);
        assertFalse(EventCounts.ofBad(0, 0).hasData());
        assertFalse(EventCounts.NO_DATA.hasData());
        assertFalse(EventCounts.ofBad(-1, 10).hasData());
        assertTrue(Double.isNaN(EventCounts.ofBad(0, 0).errorRatio()));
        assertTrue(Double.isNaN(EventCounts.NO_DATA.sli()));
        assertEquals(0.2, Sli.goodOverTotal(null, null).counts(80, 100).errorRatio(), 1e-12);
        assertEquals(0.8, Sli.badOverTotal(null, null).counts(80, 100).errorRatio(), 1e-12);
    }
}
