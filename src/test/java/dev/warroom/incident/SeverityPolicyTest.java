package dev.warroom.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeverityPolicyTest {
    private static final SeverityPolicy DEFAULTS = SeverityPolicy.defaults();
    private static final BusinessHours HOURS = DEFAULTS.businessHours();

    // 2026-03-04 is a Wednesday; 2026-03-06 a Friday; 2026-03-09 a Monday
    private static final Instant WED_11 = Instant.parse("2026-03-04T11:00:00Z");
    private static final Instant WED_02 = Instant.parse("2026-03-04T02:00:00Z");
    private static final Instant FRI_16 = Instant.parse("2026-03-06T16:00:00Z");
    private static final Instant FRI_20 = Instant.parse("2026-03-06T20:00:00Z");

    private static SeverityPolicy parse(String yaml) {
        return SeverityPolicy.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "team.yaml");
    }

    @Test
    void bundledBusinessHours_areWeekdays9to18Utc() {
        assertEquals(ZoneId.of("UTC"), HOURS.zone());
        assertEquals(LocalTime.of(9, 0), HOURS.start());
        assertEquals(LocalTime.of(18, 0), HOURS.end());
        assertEquals(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY), HOURS.days());
        assertTrue(HOURS.contains(WED_11));
        assertFalse(HOURS.contains(WED_02));
        assertTrue(HOURS.contains(Instant.parse("2026-03-04T09:00:00Z")));
        assertFalse(HOURS.contains(Instant.parse("2026-03-04T18:00:00Z")));
        assertFalse(HOURS.contains(Instant.parse("2026-03-07T11:00:00Z")));
    }

    @Test
    void sev1_ack15m_24x7_p95_postmortem24h() {
        SeverityTarget t = DEFAULTS.target(Severity.SEV1);
        assertEquals(Duration.ofMinutes(15), t.ackBusinessHours());
        assertEquals(Duration.ofMinutes(15), t.ackOvernight());
        assertEquals(95, t.ackPercentile());
        assertTrue(t.pages());
        assertFalse(t.pageWholeLadder());
        assertEquals(WED_11.plus(Duration.ofMinutes(15)), t.ackDeadline(WED_11, HOURS));
        assertEquals(WED_02.plus(Duration.ofMinutes(15)), t.ackDeadline(WED_02, HOURS));
        assertEquals(Optional.of(Duration.ofMinutes(15)), t.ackTarget(WED_02, HOURS));
        assertEquals(Duration.ofMinutes(30), t.statusUpdateEvery());
        assertTrue(t.postmortemRequired());
        assertEquals(Optional.of(FRI_16.plus(Duration.ofHours(24))), t.postmortemDue(FRI_16, HOURS));
    }

    @Test
    void sev2_ack1hInBusinessHours_2hOvernight() {
        SeverityTarget t = DEFAULTS.target(Severity.SEV2);
        assertEquals(Instant.parse("2026-03-04T12:00:00Z"), t.ackDeadline(WED_11, HOURS));
        assertEquals(Instant.parse("2026-03-04T04:00:00Z"), t.ackDeadline(WED_02, HOURS));
        assertEquals(Optional.of(Duration.ofHours(1)), t.ackTarget(WED_11, HOURS));
        assertEquals(Optional.of(Duration.ofHours(2)), t.ackTarget(WED_02, HOURS));
        assertEquals(95, t.ackPercentile());
        assertEquals(Duration.ofHours(1), t.statusUpdateEvery());
    }

    @Test
    void sev2_postmortem5BusinessDays_skipsWeekend_fridayToNextFriday() {
        SeverityTarget t = DEFAULTS.target(Severity.SEV2);
        assertEquals(5, t.postmortemBusinessDays());
        assertTrue(t.postmortemRequired());
        assertEquals(Optional.of(Instant.parse("2026-03-13T16:00:00Z")), t.postmortemDue(FRI_16, HOURS));
        // Wednesday -> the Wednesday after (Thu, Fri, Mon, Tue, Wed)
        assertEquals(Optional.of(Instant.parse("2026-03-11T11:00:00Z")), t.postmortemDue(WED_11, HOURS));
    }

    @Test
    void sev3_neverPages_ackByNextBusinessDay0900_noPostmortem() {
        SeverityTarget t = DEFAULTS.target(Severity.SEV3);
        assertFalse(t.pages());
        assertTrue(t.ackNextBusinessDay());
        assertEquals(Instant.parse("2026-03-09T09:00:00Z"), t.ackDeadline(FRI_20, HOURS));
        assertEquals(Instant.parse("2026-03-05T09:00:00Z"), t.ackDeadline(WED_11, HOURS));
        assertTrue(t.ackTarget(FRI_20, HOURS).isEmpty());
        assertFalse(t.postmortemRequired());
        assertTrue(t.postmortemDue(FRI_20, HOURS).isEmpty());
    }

    @Test
    void sev0_pagesWholeLadder_ack15m_postmortem24h() {
        SeverityTarget t = DEFAULTS.target(Severity.SEV0);
        assertTrue(t.pageWholeLadder());
        assertTrue(t.pages());
        assertEquals(Duration.ofMinutes(15), t.ackOvernight());
        assertEquals(Duration.ofMinutes(15), t.statusUpdateEvery());
        assertEquals(Duration.ofHours(24), t.postmortemWithin());
    }

    @Test
    void customYaml_overridesHoursAndTargets() {
        SeverityPolicy p = parse("""
                business_hours: {zone: Europe/Berlin, start: "08:00", end: "17:00", days: [MON, TUE, WED, THU]}
                severities:
                  sev0: {ack_within: 5m, page_whole_ladder: true}
                  sev1: {ack_within: 10m, ack_percentile: p99}
                  sev2: {ack_within_business_hours: 30m, ack_within_overnight: 4h}
                  sev3: {ack_by: next_business_day, pages: false}
                """);
        BusinessHours h = p.businessHours();
        assertEquals(ZoneId.of("Europe/Berlin"), h.zone());
        assertFalse(h.days().contains(DayOfWeek.FRIDAY));
        assertEquals(99, p.target(Severity.SEV1).ackPercentile());
        // Wednesday 11:00 UTC is 12:00 in Berlin: business hours
        assertEquals(WED_11.plus(Duration.ofMinutes(30)), p.target(Severity.SEV2).ackDeadline(WED_11, h));
        // Thursday 17:30 Berlin -> next business day is Monday (Friday is not one here), 08:00 Berlin = 07:00 UTC
        assertEquals(Instant.parse("2026-03-09T07:00:00Z"),
                p.target(Severity.SEV3).ackDeadline(Instant.parse("2026-03-05T16:30:00Z"), h));
    }

    @Test
    void badDuration_errorNamesSourceAndField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                severities:
                  sev0: {ack_within: 5m}
                  sev1: {ack_within: soon}
                  sev2: {ack_within: 1h}
                  sev3: {ack_by: next_business_day}
                """));
        assertEquals("team.yaml:3: severities.sev1.ack_within: not a duration: 'soon' (expected e.g. 5m, 1h, 28d)",
                e.getMessage());
    }

    @Test
    void missingAckTarget_errorNamesSourceAndField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                severities:
                  sev0: {ack_within: 5m}
                  sev1: {ack_within: 5m}
                  sev2: {ack_within_business_hours: 1h}
                  sev3: {ack_by: next_business_day}
                """));
        assertTrue(e.getMessage().startsWith("team.yaml:4: severities.sev2: needs ack_within"), e.getMessage());
    }

    @Test
    void unknownSeverity_andBadDay_andInvalidYaml_nameTheSource() {
        IllegalArgumentException sev = assertThrows(IllegalArgumentException.class,
                () -> parse("severities:\n  sev9: {ack_within: 5m}\n"));
        assertTrue(sev.getMessage().startsWith("team.yaml:2: severities.sev9: unknown severity"), sev.getMessage());
        IllegalArgumentException day = assertThrows(IllegalArgumentException.class,
                () -> parse("business_hours: {days: [MON, XYZ]}\nseverities: {}\n"));
        assertEquals("team.yaml:1: business_hours.days[1]: unknown day 'XYZ'", day.getMessage());
        IllegalArgumentException yaml = assertThrows(IllegalArgumentException.class,
                () -> parse("severities:\n  sev1: [unclosed\n"));
        assertTrue(yaml.getMessage().startsWith("team.yaml:") && yaml.getMessage().contains("not valid YAML"),
                yaml.getMessage());
        IllegalArgumentException scalar = assertThrows(IllegalArgumentException.class, () -> parse("just text"));
        assertTrue(scalar.getMessage().startsWith("team.yaml:1: expected a mapping"), scalar.getMessage());
    }

    @Test
    void missingSeverity_errorNamesTheSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("""
                severities:
                  sev0: {ack_within: 5m}
                  sev1: {ack_within: 5m}
                  sev2: {ack_within: 1h}
                """));
        assertTrue(e.getMessage().contains("sev3"), e.getMessage());
        assertTrue(e.getMessage().startsWith("team.yaml"), e.getMessage());
    }

    @Test
    void badAckPercentile_errorNamesSourceAndField() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> parse("""
                severities:
                  sev0: {ack_within: 5m}
                  sev1: {ack_within: 5m, ack_percentile: high}
                  sev2: {ack_within: 1h}
                  sev3: {ack_by: next_business_day}
                """));
        assertTrue(e.getMessage().startsWith("team.yaml:3: severities.sev1.ack_percentile"), e.getMessage());
    }

    @Test
    void businessHours_mustStartBeforeEnd() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessHours(ZoneId.of("UTC"), LocalTime.of(18, 0),
                LocalTime.of(9, 0), Set.of(DayOfWeek.MONDAY)));
    }
}
