package org.geowall.config;

/**
 * The {@code capture} section of {@code drivers.yaml}: how much of each load is kept.
 *
 * @param maxBodyKb        the cap on each text body kept in the HAR and on the plain probe's body, in KiB
 * @param screenshotFormat {@code png} or {@code jpeg}
 * @param compressHar      whether the HAR is stored gzip-compressed ({@code page.har.gz})
 */
public record CaptureSettings(Integer maxBodyKb, String screenshotFormat, Boolean compressHar) {

    public static CaptureSettings defaults() {
        return new CaptureSettings(512, "png", true);
    }

    CaptureSettings withDefaults() {
        CaptureSettings d = defaults();
        return new CaptureSettings(maxBodyKb == null ? d.maxBodyKb : maxBodyKb,
                screenshotFormat == null ? d.screenshotFormat : screenshotFormat,
                compressHar == null ? d.compressHar : compressHar);
    }

    public int maxBodyBytes() {
        return maxBodyKb * 1024;
    }

    public boolean jpeg() {
        return screenshotFormat.equals("jpeg");
    }
}
