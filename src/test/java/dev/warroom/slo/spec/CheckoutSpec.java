package dev.warroom.slo.spec;

/** The one SLO spec the live-data tests share: Sloth's shape, a 99.9% checkout availability SLO. */
public final class CheckoutSpec {
    /** Its {@code sloth_id}: the key of its tile, its recording rules and its rows. */
    public static final String ID = "checkout-requests-availability";
    /** Line 5 holds the objective, so a test can break it and expect {@code :5:}. */
    public static final String SLOTH = """
            version: "prometheus/v1"
            service: "checkout"
            slos:
              - name: "requests-availability"
                objective: 99.9
                sli:
                  events:
                    error_query: sum(rate(http_requests_total{job="checkout",code=~"5.."}[{{.window}}]))
                    total_query: sum(rate(http_requests_total{job="checkout"}[{{.window}}]))
                alerting:
                  name: CheckoutHighErrorRate
            """;

    private CheckoutSpec() {
    }
}
