package dev.warroom.paging;

import java.util.ArrayList;
import java.util.List;

/**
 * The default pager: it records what it would have sent and sends nothing, which is what drills
 * and a fresh install want. Real paging services plug in behind {@link Pager}.
 */
public final class RecordingPager implements Pager {
    private final List<Page> sent = new ArrayList<>();
    private final List<Page> acknowledged = new ArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public synchronized void send(Page page) {
        sent.add(page);
    }

    @Override
    public synchronized void acknowledge(Page page) {
        acknowledged.add(page);
    }

    public synchronized List<Page> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<Page> acknowledged() {
        return List.copyOf(acknowledged);
    }
}
