package org.geowall.verdict;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a load with the control vantage's load of the same site and attempt, which turns a
 * local verdict into the final one. A failure at the control too means the site is down. A page
 * that renders here can still have lost resources, data or its destination.
 */
public final class ControlComparison {

    /** Below this share of the control's visible text, a page has lost its content. */
    static final double TEXT_LOSS_SHARE = 0.5;
    /** Pages with less visible text than this at the control are too small to compare. */
    static final int MIN_CONTROL_TEXT = 100;
    private static final int MAX_LISTED_REQUESTS = 3;

    /** The final verdict, and whether the load is geo-blocked: {@code true}, {@code false} or {@code unknown}. */
    public record Outcome(VerdictDecision decision, String geoBlocked) {
    }

    private ControlComparison() {
    }

    /**
     * Decides the final verdict.
     *
     * @param here         this load's evidence
     * @param local        this load's own verdict
     * @param isControl    whether this load is the control's
     * @param control      the control's evidence, or null when there is none
     * @param controlLocal the control's own verdict, or null
     */
    public static Outcome compare(LoadEvidence here, VerdictDecision local, boolean isControl, LoadEvidence control,
                                  VerdictDecision controlLocal) {
        // 1. The harness or the proxy failed: there is nothing to compare.
        if (local.verdict().family() == Verdict.Family.EXCLUDED) {
            return new Outcome(local, "unknown");
        }
        // 2. The control itself: a failure inside the site's own country means the site is down.
        if (isControl) {
            return local.verdict() == Verdict.ACCESSIBLE ? new Outcome(local, "false")
                    : new Outcome(siteDown(local, "at the control"), "false");
        }
        if (control == null || controlLocal == null || controlLocal.verdict().family() == Verdict.Family.EXCLUDED) {
            return new Outcome(local, "unknown");
        }
        // 3. The control failed as well: not geo-blocking.
        if (controlLocal.verdict() != Verdict.ACCESSIBLE) {
            return local.verdict() == Verdict.ACCESSIBLE ? new Outcome(local, "false")
                    : new Outcome(siteDown(local, "here and at the control (" + controlLocal.verdict() + ")"), "false");
        }
        // 4. Blocked here, fine at the control. A denial page that a script reached on another host
        //    means the page itself sends foreign visitors away. One reached by HTTP redirects stays a block page.
        if (local.verdict() != Verdict.ACCESSIBLE) {
            if (local.verdict() == Verdict.BLOCK_PAGE && here.httpRedirects() == 0 && leftForOtherHost(here, control)) {
                return new Outcome(new VerdictDecision(Verdict.CLIENT_REDIRECT_BLOCK, "control_final_url",
                        "script sent the page to " + here.finalUrl() + " (" + local.rule() + "), the control "
                                + "stayed at " + control.finalUrl()), "true");
            }
            return new Outcome(local, "true");
        }
        VerdictDecision refined = compareRenderedPages(here, control);
        return refined == null ? new Outcome(local, "false") : new Outcome(refined, "true");
    }

    /** Looks for what a page that rendered here lacks against the control's. */
    private static VerdictDecision compareRenderedPages(LoadEvidence here, LoadEvidence control) {
        // 5. The page sent this visitor elsewhere than the control's visitor, by script.
        if (here.httpRedirects() == 0 && leftForOtherHost(here, control)) {
            return new VerdictDecision(Verdict.CLIENT_REDIRECT_BLOCK, "control_final_url",
                    "ended at " + here.finalUrl() + ", the control at " + control.finalUrl());
        }
        // 6. Requests that fail here but not at the control: data requests carry the content.
        List<RequestOutcome> blocked = blockedHereOnly(here, control);
        if (!blocked.isEmpty()) {
            boolean data = blocked.stream().anyMatch(RequestOutcome::dataRequest);
            return new VerdictDecision(data ? Verdict.CONTENT_BLOCKED : Verdict.SUBRESOURCE_BLOCKED,
                    data ? "control_data_request" : "control_subresource", describe(blocked));
        }
        // 7. Same requests, but most of the visible text is missing.
        Integer hereText = here.visibleTextLength();
        Integer controlText = control.visibleTextLength();
        if (hereText != null && controlText != null && controlText >= MIN_CONTROL_TEXT
                && hereText < controlText * TEXT_LOSS_SHARE) {
            return new VerdictDecision(Verdict.CONTENT_BLOCKED, "control_text_loss",
                    hereText + " visible characters, the control " + controlText);
        }
        return null;
    }

    /** Returns true when this load ended on another host than it asked for, while the control's stayed. */
    private static boolean leftForOtherHost(LoadEvidence here, LoadEvidence control) {
        String hereHost = hostOf(here.finalUrl());
        String controlHost = hostOf(control.finalUrl());
        return hereHost != null && controlHost != null && !samePage(here.finalUrl(), control.finalUrl())
                && !hereHost.equals(hostOf(here.url())) && controlHost.equals(hostOf(control.url()));
    }

    private static List<RequestOutcome> blockedHereOnly(LoadEvidence here, LoadEvidence control) {
        Set<String> fineAtControl = control.requests().stream().filter(request -> !request.problem())
                .map(RequestOutcome::key).collect(Collectors.toSet());
        return here.requests().stream()
                .filter(RequestOutcome::problem)
                .filter(request -> fineAtControl.contains(request.key()))
                .filter(request -> !request.key().endsWith("/favicon.ico"))
                .toList();
    }

    private static String describe(List<RequestOutcome> blocked) {
        String listed = blocked.stream().limit(MAX_LISTED_REQUESTS)
                .map(request -> request.key() + " " + (request.failure() != null ? request.failure()
                        : "HTTP " + request.status()))
                .collect(Collectors.joining(", "));
        return blocked.size() + " request(s) fail here but load at the control: " + listed
                + (blocked.size() > MAX_LISTED_REQUESTS ? ", ..." : "");
    }

    private static VerdictDecision siteDown(VerdictDecision local, String where) {
        return new VerdictDecision(Verdict.SITE_DOWN, "control_failed",
                local.verdict() + " " + where + " (" + local.detail() + ")");
    }

    private static boolean samePage(String first, String second) {
        return stripFragment(first).equals(stripFragment(second));
    }

    private static String stripFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    private static String hostOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
