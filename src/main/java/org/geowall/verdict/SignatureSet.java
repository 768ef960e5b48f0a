package org.geowall.verdict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Block-page, WAF and challenge fingerprints, with known false positives that are checked first:
 * a response that matches a false positive (a CDN header on every response, a challenge script
 * that also sits on ordinary error pages) gets no signature verdict.
 */
public final class SignatureSet {

    /** The verdicts a signature may give. */
    private static final Set<Verdict> SIGNATURE_VERDICTS = EnumSet.of(Verdict.BLOCK_PAGE, Verdict.CAPTCHA_WALL,
            Verdict.CONTENT_BLOCKED);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A match of a signature, or of a false positive that cancels every signature. */
    public record Hit(Signature signature, boolean falsePositive) {
    }

    record FileContents(String version, List<Signature> falsePositives, List<Signature> signatures) {
    }

    private final String version;
    private final List<Signature> falsePositives;
    private final List<Signature> signatures;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public SignatureSet(String version, List<Signature> falsePositives, List<Signature> signatures) {
        this.version = version;
        this.falsePositives = List.copyOf(falsePositives);
        this.signatures = List.copyOf(signatures);
    }

    /** Loads the signatures that ship with Geowall. */
    public static SignatureSet builtIn() {
        try (InputStream in = SignatureSet.class.getResourceAsStream("signatures.yaml")) {
            return parse(in.readAllBytes(), "built-in signatures.yaml");
        } catch (IOException e) {
            throw new IllegalStateException("The built-in signatures.yaml could not be read", e);
        }
    }

    /**
     * Loads a user's signature file, such as one given with {@code -Dsignatures=FILE}: YAML in the
     * layout of the built-in file, or a CSV in the layout of OONI's blocking fingerprints.
     */
    public static SignatureSet load(Path file) {
        if (file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return OoniFingerprints.read(file);
        }
        try {
            return parse(Files.readAllBytes(file), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalArgumentException("Signature file " + file.toAbsolutePath() + " not found. Give a YAML "
                    + "file in the layout of the built-in signatures.yaml, or an OONI fingerprint CSV.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Signature file " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    private static SignatureSet parse(byte[] yaml, String source) {
        FileContents contents;
        try {
            contents = YAML.readValue(yaml, FileContents.class);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new IllegalArgumentException(source + line + ": invalid signature file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": could not be read: " + e.getMessage(), e);
        }
        List<Signature> falsePositives = contents.falsePositives() == null ? List.of() : contents.falsePositives();
        List<Signature> signatures = contents.signatures() == null ? List.of() : contents.signatures();
        validate(source, falsePositives, signatures);
        return new SignatureSet(contents.version() == null ? "unversioned" : contents.version(), falsePositives,
                signatures);
    }

    static void validate(String source, List<Signature> falsePositives, List<Signature> signatures) {
        Set<String> ids = new HashSet<>();
        List<Signature> all = new ArrayList<>(falsePositives);
        all.addAll(signatures);
        for (Signature signature : all) {
            String where = source + ": signature '" + signature.id() + "'";
            if (signature.id() == null || signature.id().isBlank() || !ids.add(signature.id())) {
                throw new IllegalArgumentException(where + ": every signature needs a unique id");
            }
            if (signature.match() == null || signature.match().empty()) {
                throw new IllegalArgumentException(where + ": 'match' needs at least one condition");
            }
            Signature.HeaderPattern header = signature.match().header();
            if (header != null && (header.name() == null || header.pattern() == null)) {
                throw new IllegalArgumentException(where + ": 'header' needs both 'name' and 'pattern'");
            }
            compileAll(where, signature.match());
        }
        for (Signature signature : signatures) {
            String where = source + ": signature '" + signature.id() + "'";
            if (!SIGNATURE_VERDICTS.contains(signature.verdict())) {
                throw new IllegalArgumentException(where + ": verdict must be one of " + SIGNATURE_VERDICTS);
            }
            if (signature.verdict() == Verdict.CAPTCHA_WALL && !signature.match().hasContentCondition()) {
                throw new IllegalArgumentException(where + ": a header alone never proves a challenge wall, "
                        + "since CDNs send such headers on every response. Add a body, title, script or cookie "
                        + "condition.");
            }
        }
    }

    private static void compileAll(String where, Signature.Match match) {
        List<String> regexes = new ArrayList<>();
        if (match.header() != null) {
            regexes.add(match.header().pattern());
        }
        regexes.add(match.cookie());
        regexes.add(match.title());
        regexes.add(match.body());
        regexes.add(match.script());
        for (String regex : regexes) {
            if (regex == null) {
                continue;
            }
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(where + ": invalid pattern '" + regex + "': " + e.getDescription(), e);
            }
        }
    }

    public String version() {
        return version;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    public List<Signature> falsePositives() {
        return falsePositives;
    }

    /** Returns this set with another set's entries added after its own, as when a user file extends the built-ins. */
    public SignatureSet plus(SignatureSet other) {
        List<Signature> allFalsePositives = new ArrayList<>(falsePositives);
        allFalsePositives.addAll(other.falsePositives);
        List<Signature> allSignatures = new ArrayList<>(signatures);
        allSignatures.addAll(other.signatures);
        return new SignatureSet(version + "+" + other.version, allFalsePositives, allSignatures);
    }

    /** Finds the first false positive that matches, else the first signature that matches. */
    public Optional<Hit> match(ResponseView view) {
        for (Signature falsePositive : falsePositives) {
            if (matches(falsePositive.match(), view)) {
                return Optional.of(new Hit(falsePositive, true));
            }
        }
        for (Signature signature : signatures) {
            if (matches(signature.match(), view)) {
                return Optional.of(new Hit(signature, false));
            }
        }
        return Optional.empty();
    }

    private boolean matches(Signature.Match match, ResponseView view) {
        if (match.status() != null && (view.status() == null || !match.status().contains(view.status()))) {
            return false;
        }
        if (match.header() != null) {
            String value = view.headers() == null ? null
                    : view.headers().get(match.header().name().toLowerCase(java.util.Locale.ROOT));
            if (value == null || !find(match.header().pattern(), value)) {
                return false;
            }
        }
        if (match.cookie() != null && (view.cookieNames() == null
                || view.cookieNames().stream().noneMatch(name -> find(match.cookie(), name)))) {
            return false;
        }
        if (match.title() != null && (view.title() == null || !find(match.title(), view.title()))) {
            return false;
        }
        if (match.body() != null && (view.text() == null || !find(match.body(), view.text()))) {
            return false;
        }
        return match.script() == null || (view.scripts() != null
                && view.scripts().stream().anyMatch(src -> find(match.script(), src)));
    }

    private boolean find(String regex, String text) {
        return patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).find();
    }
}
