package org.geowall.engine.selenium;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Names the Chromium network error that matches a failure of BrowserMob Proxy's upstream
 * connection. Behind BrowserMob, the browser sees every such failure as a failed {@code CONNECT}
 * ({@code net::ERR_TUNNEL_CONNECTION_FAILED}). This class restores the error that the browser
 * would have reported through the vantage's proxy alone, so both engines give the same verdict.
 */
final class UpstreamErrors {

    static final String TUNNEL_FAILED = "net::ERR_TUNNEL_CONNECTION_FAILED";

    private UpstreamErrors() {
    }

    /**
     * Returns the {@code net::ERR_*} code for an upstream failure, or null when the cause is
     * unknown and the browser's own error is to be kept.
     *
     * @param throughProxy whether BrowserMob connected through the vantage's proxy, which then
     *                     opens the connections to sites itself, so that a refused connection
     *                     can only be the proxy's own
     */
    static String netError(Throwable cause, boolean throughProxy) {
        if (cause == null) {
            return null;
        }
        if (cause instanceof ConnectException && throughProxy) {
            return "net::ERR_PROXY_CONNECTION_FAILED";
        }
        // A certificate problem is deepest in the chain, under the TLS exception that reports it.
        for (Throwable link = cause; link != null; link = link.getCause()) {
            String certificateError = certificateCodeOf(link);
            if (certificateError != null) {
                return certificateError;
            }
        }
        for (Throwable link = cause; link != null; link = link.getCause()) {
            String code = codeOf(link);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /**
     * Returns the {@code net::ERR_*} code for the error text BrowserMob records on a request that
     * got no response, such as {@code No response received}. BrowserMob sends the browser its own
     * 502 page for such a request, where a browser without it would have failed the request.
     */
    static String fromRecordedError(String error) {
        String text = error == null ? "" : error.toLowerCase(Locale.ROOT);
        if (text.contains("resolve")) {
            return "net::ERR_NAME_NOT_RESOLVED";
        }
        if (text.contains("connect")) {
            return "net::ERR_CONNECTION_FAILED";
        }
        if (text.contains("timed out")) {
            return "net::ERR_TIMED_OUT";
        }
        return "net::ERR_EMPTY_RESPONSE";
    }

    private static String certificateCodeOf(Throwable link) {
        String message = String.valueOf(link.getMessage()).toLowerCase(Locale.ROOT);
        if (link instanceof CertificateExpiredException || link instanceof CertificateNotYetValidException) {
            return "net::ERR_CERT_DATE_INVALID";
        }
        if (link instanceof CertificateException && (message.contains("no subject alternative")
                || message.contains("no name matching"))) {
            return "net::ERR_CERT_COMMON_NAME_INVALID";
        }
        if (link instanceof CertPathValidatorException || link instanceof CertPathBuilderException
                || link instanceof CertificateException) {
            return "net::ERR_CERT_AUTHORITY_INVALID";
        }
        return null;
    }

    private static String codeOf(Throwable link) {
        String message = String.valueOf(link.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("connection reset")) {
            return "net::ERR_CONNECTION_RESET";
        }
        if (link instanceof SocketTimeoutException || link.getClass().getSimpleName().contains("Timeout")) {
            return "net::ERR_TIMED_OUT";
        }
        if (link instanceof ClosedChannelException || message.contains("connection closed")) {
            return "net::ERR_CONNECTION_CLOSED";
        }
        if (link instanceof SSLException) {
            return "net::ERR_SSL_PROTOCOL_ERROR";
        }
        if (link instanceof ConnectException && message.contains("refused")) {
            return "net::ERR_CONNECTION_REFUSED";
        }
        return link instanceof IOException && message.contains("broken pipe") ? "net::ERR_CONNECTION_RESET" : null;
    }
}
