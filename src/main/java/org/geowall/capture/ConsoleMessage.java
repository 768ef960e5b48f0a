package org.geowall.capture;

/** A message the page wrote to the browser console, with its level and source location. */
public record ConsoleMessage(String type, String text, String location) {
}
