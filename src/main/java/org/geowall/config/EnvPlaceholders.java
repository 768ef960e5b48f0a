package org.geowall.config;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${NAME}} placeholders in configuration values from the environment. */
public final class EnvPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private EnvPlaceholders() {
    }

    /**
     * Returns the value with every placeholder replaced.
     *
     * @param field where the value comes from, for the error message
     * @throws ConfigException when a variable is not set, naming the variable and the field
     */
    public static String resolve(String value, UnaryOperator<String> environment, String field) {
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = environment.apply(name);
            if (replacement == null) {
                throw new ConfigException(field + ": environment variable " + name + " is not set. Export it "
                        + "(export " + name + "=...), or measure the embedded lab with -Dworld=lab "
                        + "(bin/geowall: --world lab).");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
