package org.geowall.probe;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes an HTML body by its real charset, looked up in the order browsers use: the
 * Content-Type header, a byte order mark, a {@code <meta>} tag in the first bytes, then
 * statistical detection (which tells GB18030/GBK and Big5 apart from UTF-8), then UTF-8.
 */
public final class BodyDecoder {

    /** The origin of the charset label. */
    public enum Source { HEADER, BOM, META, DETECTED, DEFAULT }

    /** A decoded body, with the charset label found and where it was found. */
    public record Decoded(String text, String charset, Source source) {
    }

    /** How far into the body a meta charset is looked for, as in the HTML standard's prescan. */
    private static final int META_PRESCAN_BYTES = 1024;

    private static final Pattern CHARSET_PARAMETER = Pattern.compile("charset\\s*=\\s*[\"']?([^\\s;\"']+)",
            Pattern.CASE_INSENSITIVE);

    /**
     * Labels that browsers decode with a wider charset than Java's charset of the same name: the
     * Encoding Standard decodes gb2312 and gbk as GBK, whose bytes GB18030 covers.
     */
    private static final Map<String, String> WIDER_DECODERS = Map.of(
            "gb2312", "GB18030", "gbk", "GB18030", "x-gbk", "GB18030", "csgb2312", "GB18030",
            "chinese", "GB18030", "big5", "Big5-HKSCS", "iso-8859-1", "windows-1252", "us-ascii", "windows-1252");

    private BodyDecoder() {
    }

    public static Decoded decode(byte[] body, String contentType) {
        String fromHeader = charsetParameter(contentType);
        if (fromHeader != null && charsetFor(fromHeader) != null) {
            return decodeWith(body, fromHeader, Source.HEADER);
        }
        String fromBom = byteOrderMark(body);
        if (fromBom != null) {
            return decodeWith(body, fromBom, Source.BOM);
        }
        String fromMeta = metaCharset(body);
        if (fromMeta != null && charsetFor(fromMeta) != null) {
            return decodeWith(body, fromMeta, Source.META);
        }
        String detected = detect(body);
        if (detected != null && charsetFor(detected) != null) {
            return decodeWith(body, detected, Source.DETECTED);
        }
        return decodeWith(body, "UTF-8", Source.DEFAULT);
    }

    /** Returns the charset parameter of a Content-Type value, or null. */
    static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher matcher = CHARSET_PARAMETER.matcher(contentType);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String byteOrderMark(byte[] body) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return "UTF-8";
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return "UTF-16BE";
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return "UTF-16LE";
        }
        return null;
    }

    /** Finds {@code <meta charset>} or the http-equiv Content-Type form in the first bytes. */
    private static String metaCharset(byte[] body) {
        int length = Math.min(body.length, META_PRESCAN_BYTES);
        Document head = Jsoup.parse(new String(body, 0, length, StandardCharsets.ISO_8859_1));
        for (Element meta : head.select("meta")) {
            if (meta.hasAttr("charset")) {
                return meta.attr("charset").trim();
            }
            if (meta.attr("http-equiv").equalsIgnoreCase("content-type")) {
                String parameter = charsetParameter(meta.attr("content"));
                if (parameter != null) {
                    return parameter;
                }
            }
        }
        return null;
    }

    private static String detect(byte[] body) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(body, 0, body.length);
        detector.dataEnd();
        return detector.getDetectedCharset();
    }

    private static Decoded decodeWith(byte[] body, String label, Source source) {
        Charset charset = charsetFor(label);
        int offset = 0;
        if (source == Source.BOM) {
            offset = label.equals("UTF-8") ? 3 : 2;
        }
        return new Decoded(new String(body, offset, body.length - offset, charset), label, source);
    }

    /** Returns the charset that decodes a label as browsers do, or null for an unknown label. */
    static Charset charsetFor(String label) {
        String key = label.trim().toLowerCase(Locale.ROOT);
        String name = WIDER_DECODERS.getOrDefault(key, label.trim());
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
