package org.geowall.capture;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How long each phase of the main document's load took, in milliseconds; null where the browser
 * did not report the phase. Through a proxy the proxy resolves names, so {@code dnsMs} is null.
 *
 * @param dnsMs              name lookup
 * @param connectMs          TCP connect (to the proxy, when there is one), TLS included
 * @param tlsMs              TLS handshake with the site
 * @param firstByteMs        from the start of the request to the first byte of the response
 * @param domContentLoadedMs from navigation start to the end of DOMContentLoaded
 * @param loadMs             from navigation start to the end of the load event
 * @param settleMs           from the load event until the network was idle, or the settle budget ran out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PhaseTimings(Double dnsMs, Double connectMs, Double tlsMs, Double firstByteMs,
                           Double domContentLoadedMs, Double loadMs, Long settleMs) {

    /** Timings of a request that Chromium reported, as offsets from the request's start (-1 when unknown). */
    public record RequestOffsets(double domainLookupStart, double domainLookupEnd, double connectStart,
                                 double secureConnectionStart, double connectEnd, double requestStart,
                                 double responseStart) {
    }

    /** Builds phase durations from a request's offsets and the page's navigation entry (nullable values). */
    public static PhaseTimings of(RequestOffsets offsets, Double domContentLoadedMs, Double loadMs, Long settleMs) {
        if (offsets == null) {
            return new PhaseTimings(null, null, null, null, domContentLoadedMs, loadMs, settleMs);
        }
        return new PhaseTimings(
                span(offsets.domainLookupStart(), offsets.domainLookupEnd()),
                span(offsets.connectStart(), offsets.connectEnd()),
                span(offsets.secureConnectionStart(), offsets.connectEnd()),
                span(offsets.requestStart(), offsets.responseStart()),
                domContentLoadedMs, loadMs, settleMs);
    }

    /**
     * Names the phase in which a load that ran out of time was stuck: {@code connect} (no
     * connection to the site or proxy), {@code tls} (handshake not finished), {@code first_byte}
     * (request sent, no answer) or {@code load} (the document answered, but the load event never
     * came). Returns null when the browser reported no timing for the request, as Chromium does for
     * some requests that never got a response.
     */
    public static String stuckPhase(RequestOffsets offsets, boolean documentAnswered) {
        if (documentAnswered) {
            return "load";
        }
        if (offsets == null || (offsets.connectStart() < 0 && offsets.requestStart() < 0)) {
            return null;
        }
        if (offsets.connectEnd() < 0) {
            return offsets.secureConnectionStart() >= 0 ? "tls" : "connect";
        }
        return "first_byte";
    }

    private static Double span(double start, double end) {
        return start >= 0 && end >= start ? end - start : null;
    }
}
