package dev.warroom.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecklistTest {
    private static final Checklist CHECKLIST = Checklist.builtIn();
    private static final HandoffWeek WEEK = HandoffWeek.parse("2026-11-16");

    @Test
    void builtIn_hasTheFirstDayItemsInOrder() {
        assertEquals(List.of("ack-rotation", "read-handoff", "open-dashboards", "confirm-access", "page-escalation",
                "read-sev1-postmortem", "run-drill"), CHECKLIST.items().stream().map(Checklist.Item::id).toList());
    }

    @Test
    void require_unknownItem_namesItAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CHECKLIST.require("make-coffee"));
        assertEquals("unknown checklist item 'make-coffee' (items: ack-rotation, read-handoff, open-dashboards,"
                + " confirm-access, page-escalation, read-sev1-postmortem, run-drill)", e.getMessage());
    }

    @Test
    void progress_countsAckedItems_keepsTheFirstAck_andIgnoresRetiredOnes() {
        Instant first = Instant.parse("2026-11-16T10:05:00Z");
        Checklist.Progress p = CHECKLIST.progress(List.of(
                new ChecklistAck(WEEK, "noor", "read-handoff", first.plusSeconds(60)),
                new ChecklistAck(WEEK, "noor", "read-handoff", first),
                new ChecklistAck(WEEK, "noor", "run-drill", first),
                new ChecklistAck(WEEK, "noor", "fax-the-pager", first)));

        assertEquals(2, p.done());
        assertEquals(7, p.total());
        assertFalse(p.complete());
        assertEquals(first, p.entries().get(1).ack().at());
        String text = HandoffMarkdown.checklist("noor", WEEK, p);
        assertTrue(text.startsWith("First-day-on-call checklist for noor, week of 2026-11-16: 2 of 7 done\n"), text);
        assertTrue(text.contains("\n- [x] read-handoff: Read the last handoff (warroom handoff). (acked 2026-11-16 10:05 UTC)\n"),
                text);
        assertTrue(text.contains("\n- [ ] ack-rotation: "), text);
        assertFalse(text.contains("fax-the-pager"), text);
    }

    @Test
    void parse_itemWithoutText_namesTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checklist.parse("""
                items:
                  - id: one
                    text: First
                  - id: two
                """, "c.yaml"));
        assertEquals("c.yaml:4: items[1]: needs an id (lower-case words joined by '-') and a text", e.getMessage());
    }
}
