package org.geowall.config;

/** An invalid configuration file, with a message that names the file, the field and the fix. */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
