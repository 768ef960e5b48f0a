package org.geowall.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads and validates {@code drivers.yaml}. Every error names the file, the field and the fix. */
public final class DriversConfigLoader {

    // A key given twice would otherwise keep its last value, and 7.5 would become 7, both silently.
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    /** The ISO 3166-1 alpha-2 country codes of the running JDK, such as CN and US. */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private static final List<String> ENGINES = List.of(DriverSettings.PLAYWRIGHT, DriverSettings.SELENIUM);

    /** Chromium switches that choose a proxy or none; the vantage alone chooses the proxy. */
    private static final Set<String> PROXY_SWITCHES = Set.of("--proxy-server", "--proxy-pac-url", "--no-proxy-server",
            "--proxy-auto-detect", "--proxy-bypass-list");

    /** The largest body cap, so that the cap in bytes still fits an int. */
    static final int MAX_BODY_KB = 1024 * 1024;

    /** Beyond this many attempts, the results reflect the proxy more than the site. */
    static final int MAX_REPEATS = 20;

    private DriversConfigLoader() {
    }

    /** The file as written, before defaults; field names follow the YAML keys. */
    record RawConfig(String world, DriverSettings driver, List<VantageSettings> vantages,
                             Budgets budgets, CaptureSettings capture, LabSettings lab) {
    }

    public static DriversConfig load(Path file) {
        RawConfig raw;
        try {
            raw = YAML.readValue(Files.readString(file), RawConfig.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toAbsolutePath() + " not found. Run from the project folder, or set "
                    + "-Ddrivers=PATH to the drivers.yaml to use.", e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(file, e), e);
        } catch (IOException e) {
            throw new ConfigException(file + " could not be read: " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new ConfigException(file + " is empty. Copy the drivers.yaml of the project as a start.");
        }
        DriversConfig config = new DriversConfig(file,
                raw.world() == null ? World.REAL : World.parse(raw.world(), file + ": world"),
                raw.driver() == null ? DriverSettings.defaults() : raw.driver().withDefaults(),
                raw.vantages() == null ? List.of() : raw.vantages(),
                raw.budgets() == null ? Budgets.defaults() : raw.budgets().over(Budgets.defaults()),
                raw.capture() == null ? CaptureSettings.defaults() : raw.capture().withDefaults(),
                raw.lab() == null ? LabSettings.defaults() : raw.lab().withDefaults());
        validate(config);
        return config;
    }

    private static String describe(Path file, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = file + (location == null ? "" : ":" + location.getLineNr());
        // Jackson 2.23 reports a repeated key only as a parse error with this message, from the
        // parser's duplicate detection.
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field '")) {
            return where + ": key '" + parserPath(e) + "' is given a second time on this line. Keep one of the "
                    + "two lines, because Geowall does not choose between them.";
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof Double number
                && isWholeNumberType(format.getTargetType())) {
            String fix = number == Math.rint(number) ? "Write " + (long) number.doubleValue() + " without a decimal"
                    + " point or exponent." : "Write " + (long) Math.floor(number) + " or " + (long) Math.ceil(number)
                    + ".";
            return where + ": " + path(format) + " is " + number + ", but it must be a whole "
                    + "number. " + fix;
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
            return where + ": unknown field '" + path(unknown) + "'. Known fields here: " + known + ".";
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                && expectedValue(mismatch.getTargetType()) != null) {
            String value = mismatch instanceof InvalidFormatException format && format.getValue() != null
                    ? " is '" + format.getValue() + "', but it" : "";
            return where + ": " + path(mismatch) + value + " must be " + expectedValue(mismatch.getTargetType())
                    + ".";
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return where + ": invalid value for '" + path(mapping) + "': " + e.getOriginalMessage();
        }
        return where + ": not valid YAML: " + e.getOriginalMessage();
    }

    /** Returns the kind of value a key of this type expects, or null when no plain description fits. */
    private static String expectedValue(Class<?> type) {
        if (isWholeNumberType(type)) {
            return "a whole number, such as 5";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return null;
    }

    private static boolean isWholeNumberType(Class<?> type) {
        return type == Integer.class || type == int.class || type == Long.class || type == long.class;
    }

    /** Returns the key path at which the parser stopped, such as {@code vantages[1].name}. */
    private static String parserPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser)) {
            return "a key";
        }
        List<String> steps = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            steps.add(0, context.inArray() ? "[" + context.getCurrentIndex() + "]" : context.getCurrentName());
        }
        StringBuilder text = new StringBuilder();
        for (String step : steps) {
            text.append(text.length() == 0 || step.startsWith("[") ? "" : ".").append(step);
        }
        return text.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                text.append(text.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.toString();
    }

    private static void validate(DriversConfig config) {
        String file = config.file().toString();
        validateDriver(config.driver(), file + ": driver");
        validateVantages(config, file);
        String executable = config.driver().executable();
        if (!executable.equals("auto") && !java.nio.file.Files.isExecutable(java.nio.file.Path.of(executable))) {
            throw new ConfigException(file + ": driver.executable '" + executable + "' is not an executable file. "
                    + "Fix the path, or set it to 'auto'.");
        }
        validateCapture(config.capture(), file);
        if (!config.lab().mix().equals("demo") && !config.lab().mix().equals("full")) {
            throw new ConfigException(file + ": lab.mix '" + config.lab().mix() + "' is not supported. Use 'demo' "
                    + "or 'full'.");
        }
        validateBudgets(config.budgets(), file + ": budgets");
        validateBudgets(config.budgetsFor(World.LAB), file + ": lab.budgets");
    }

    /**
     * Checks the driver section, naming {@code source} (a file and section, or a system property)
     * in the error.
     *
     * @throws ConfigException when the engine, browser or Grid URL is not supported
     */
    public static void validateDriver(DriverSettings driver, String source) {
        if (!ENGINES.contains(driver.engine())) {
            throw new ConfigException(source + ".engine '" + driver.engine() + "' is not supported. Use "
                    + String.join(" or ", ENGINES.stream().map(name -> "'" + name + "'").toList()) + ".");
        }
        if (!driver.browser().equals("chromium")) {
            throw new ConfigException(source + ".browser '" + driver.browser() + "' is not supported. Use "
                    + "'chromium', because Firefox is not supported yet (README.md, section Selenium engine).");
        }
        if (driver.usesGrid()) {
            validateGridUrl(driver, source);
        }
        validateArguments(driver.arguments(), source + ".arguments");
    }

    /**
     * Checks extra browser switches. Proxy switches are rejected, because they would send the
     * loads around the vantage's proxy and measure from the wrong country.
     */
    private static void validateArguments(List<String> arguments, String field) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument == null || !argument.startsWith("--")) {
                throw new ConfigException(field + "[" + i + "] '" + argument + "' is not a browser switch. Write "
                        + "switches with two leading dashes, such as --lang=zh-CN.");
            }
            String name = argument.split("=", 2)[0];
            if (PROXY_SWITCHES.contains(name)) {
                throw new ConfigException(field + "[" + i + "] '" + name + "' would bypass the vantage's proxy. "
                        + "Remove it: set each vantage's proxy under vantages instead.");
            }
        }
    }

    private static void validateGridUrl(DriverSettings driver, String source) {
        if (!driver.engine().equals(DriverSettings.SELENIUM)) {
            throw new ConfigException(source + ".grid_url is set, but only the 'selenium' engine uses a Grid. "
                    + "Set engine: selenium, or grid_url: local.");
        }
        URI uri;
        try {
            uri = URI.create(driver.gridUrl());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !List.of("http", "https").contains(uri.getScheme())) {
            throw new ConfigException(source + ".grid_url '" + driver.gridUrl() + "' is invalid. Use the Grid's "
                    + "address, such as http://127.0.0.1:4444, or 'local' to start browsers on this machine.");
        }
    }

    private static void validateVantages(DriversConfig config, String file) {
        if (config.vantages().isEmpty()) {
            throw new ConfigException(file + ": vantages is empty. Add at least a control vantage and one other.");
        }
        Set<String> names = new HashSet<>();
        int controls = 0;
        for (int i = 0; i < config.vantages().size(); i++) {
            VantageSettings vantage = config.vantages().get(i);
            String field = file + ": vantages[" + i + "]";
            if (vantage.name() == null || !vantage.name().matches("[A-Za-z0-9_-]{1,32}")) {
                throw new ConfigException(field + ".name '" + vantage.name()
                        + "' is invalid. Use 1 to 32 letters, digits, '-' or '_', such as US or US-residential.");
            }
            if (!names.add(vantage.name())) {
                throw new ConfigException(field + ".name '" + vantage.name() + "' is used twice. Names must be unique.");
            }
            if (vantage.country() == null || !COUNTRIES.contains(vantage.country())) {
                throw new ConfigException(field + ".country '" + vantage.country()
                        + "' is not an ISO 3166-1 alpha-2 country code. Use one in capitals, such as CN or US.");
            }
            controls += vantage.isControl() ? 1 : 0;
        }
        if (controls != 1) {
            throw new ConfigException(file + ": " + controls + " vantages have 'control: true'. Mark exactly one, "
                    + "inside the country whose sites are measured (CN for Chinese sites).");
        }
    }

    private static void validateCapture(CaptureSettings capture, String file) {
        requirePositive(capture.maxBodyKb(), file + ": capture.max_body_kb");
        if (capture.maxBodyKb() > MAX_BODY_KB) {
            throw new ConfigException(file + ": capture.max_body_kb is " + capture.maxBodyKb() + ". Set at most "
                    + MAX_BODY_KB + " (1 GiB).");
        }

        if (!capture.screenshotFormat().equals("png") && !capture.screenshotFormat().equals("jpeg")) {
            throw new ConfigException(file + ": capture.screenshot_format '" + capture.screenshotFormat()
                    + "' is not supported. Use 'png' or 'jpeg'.");
        }
    }

    private static void validateBudgets(Budgets budgets, String field) {
        requirePositive(budgets.navigationSeconds(), field + ".navigation_seconds");
        requirePositive(budgets.settleSeconds(), field + ".settle_seconds");
        requirePositive(budgets.probeSeconds(), field + ".probe_seconds");
        requirePositive(budgets.workers(), field + ".workers");
        requireNotNegative(budgets.connectSeconds(), field + ".connect_seconds");
        requireNotNegative(budgets.tlsSeconds(), field + ".tls_seconds");
        requireNotNegative(budgets.responseSeconds(), field + ".response_seconds");
        requireNotNegative(budgets.domContentLoadedSeconds(), field + ".dom_content_loaded_seconds");
        validateRepeats(budgets.repeats(), field + ".repeats");
    }

    /**
     * Checks a repeat count, naming {@code source} (a file field, a suite parameter or a system
     * property) in the error.
     */
    public static void validateRepeats(Integer repeats, String source) {
        if (repeats == null || repeats < 1 || repeats > MAX_REPEATS) {
            throw new ConfigException(source + " is " + repeats + ". Set a whole number from 1 (one attempt per "
                    + "site and vantage) to " + MAX_REPEATS + ".");
        }
    }

    private static void requireNotNegative(Integer value, String field) {
        if (value == null || value < 0) {
            throw new ConfigException(field + " is " + value + ". Set a whole number of seconds, or 0 to leave "
                    + "the phase to navigation_seconds alone.");
        }
    }

    private static void requirePositive(Integer value, String field) {
        if (value == null || value <= 0) {
            throw new ConfigException(field + " is " + value + ". Set a whole number greater than 0.");
        }
    }
}
