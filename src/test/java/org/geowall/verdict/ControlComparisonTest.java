package org.geowall.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.testng.annotations.Test;

public class ControlComparisonTest {

    private static final SignatureSet SIGNATURES = SignatureSet.builtIn();

    private static ControlComparison.Outcome compare(EvidenceBuilder here, EvidenceBuilder control) {
        LoadEvidence hereEvidence = here.build();
        LoadEvidence controlEvidence = control.build();
        return ControlComparison.compare(hereEvidence, LoadClassifier.classify(hereEvidence, SIGNATURES), false,
                controlEvidence, LoadClassifier.classify(controlEvidence, SIGNATURES));
    }

    @Test
    public void bothFailMeansSiteDown() {
        ControlComparison.Outcome outcome = compare(new EvidenceBuilder().timedOut("connect"),
                new EvidenceBuilder().failed("net::ERR_CONNECTION_RESET"));

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.SITE_DOWN);
        assertThat(outcome.geoBlocked()).isEqualTo("false");
    }

    @Test
    public void failingControlItselfIsSiteDown() {
        LoadEvidence down = new EvidenceBuilder().status(503).build();

        ControlComparison.Outcome outcome = ControlComparison.compare(down, LoadClassifier.classify(down, SIGNATURES),
                true, null, null);

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.SITE_DOWN);
    }

    @Test
    public void blockedHereFineAtControlIsGeoBlocked() {
        ControlComparison.Outcome outcome = compare(new EvidenceBuilder().status(403), new EvidenceBuilder());

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.BLOCK_PAGE);
        assertThat(outcome.geoBlocked()).isEqualTo("true");
    }

    @Test
    public void missingControlLeavesGeoBlockedUnknown() {
        LoadEvidence here = new EvidenceBuilder().status(403).build();

        ControlComparison.Outcome outcome = ControlComparison.compare(here, LoadClassifier.classify(here, SIGNATURES),
                false, null, null);

        assertThat(outcome.geoBlocked()).isEqualTo("unknown");
        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.BLOCK_PAGE);
    }

    @Test
    public void failedStylesheetIsSubresourceBlocked() {
        String css = "https://static-cn.example.cn/site.css";

        ControlComparison.Outcome outcome = compare(
                new EvidenceBuilder().request(css, "stylesheet", -1, "net::ERR_CONNECTION_RESET", null),
                new EvidenceBuilder().request(css, "stylesheet", 200, null, "text/css"));

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.SUBRESOURCE_BLOCKED);
        assertThat(outcome.decision().detail()).contains(css).contains("net::ERR_CONNECTION_RESET");
        assertThat(outcome.geoBlocked()).isEqualTo("true");
    }

    @Test
    public void deniedDataApiIsContentBlocked() {
        String api = "https://api-cn.example.cn/news.json";

        ControlComparison.Outcome outcome = compare(new EvidenceBuilder().request(api, "fetch", 403, null, "text/html"),
                new EvidenceBuilder().request(api + "?t=1", "fetch", 200, null, "application/json"));

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.CONTENT_BLOCKED);
        assertThat(outcome.decision().rule()).isEqualTo("control_data_request");
    }

    @Test
    public void requestFailingAtControlTooIgnored() {
        String ad = "https://ads.example.com/a.js";

        ControlComparison.Outcome outcome = compare(
                new EvidenceBuilder().request(ad, "script", -1, "net::ERR_NAME_NOT_RESOLVED", null),
                new EvidenceBuilder().request(ad, "script", -1, "net::ERR_NAME_NOT_RESOLVED", null));

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.ACCESSIBLE);
        assertThat(outcome.geoBlocked()).isEqualTo("false");
    }

    @Test
    public void scriptedRedirectToOtherHost() {
        ControlComparison.Outcome outcome = compare(
                new EvidenceBuilder().finalUrl("https://deny.example.cn/region-unavailable.html"),
                new EvidenceBuilder());

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.CLIENT_REDIRECT_BLOCK);
    }

    @Test
    public void denialPageReachedByScriptIsClientRedirect() {
        ControlComparison.Outcome outcome = compare(new EvidenceBuilder()
                .finalUrl("https://deny.example.cn/region-unavailable.html")
                .dom("<p>Sorry, this website is not available in your region.</p>"), new EvidenceBuilder());

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.CLIENT_REDIRECT_BLOCK);
    }

    @Test
    public void denialPageReachedByHttpRedirectStaysBlockPage() {
        ControlComparison.Outcome outcome = compare(new EvidenceBuilder().httpRedirects(1).status(403)
                .finalUrl("https://deny.example.cn/denied.html"), new EvidenceBuilder());

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.BLOCK_PAGE);
    }

    @Test
    public void largeTextLossIsContentBlocked() {
        ControlComparison.Outcome outcome = compare(new EvidenceBuilder().visibleText(90),
                new EvidenceBuilder().visibleText(800));

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.CONTENT_BLOCKED);
        assertThat(outcome.decision().rule()).isEqualTo("control_text_loss");
    }

    @Test
    public void smallTextDifferenceIgnored() {
        ControlComparison.Outcome outcome = compare(new EvidenceBuilder().visibleText(700),
                new EvidenceBuilder().visibleText(800));

        assertThat(outcome.decision().verdict()).isEqualTo(Verdict.ACCESSIBLE);
    }
}
