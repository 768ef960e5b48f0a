package org.geowall.lab;

import java.net.InetAddress;
import java.net.URI;

/**
 * A country exit of the lab: its HTTP proxy URL (without credentials), the credentials that proxy
 * expects, its SOCKS5 proxy URL (without authentication, because Chromium cannot authenticate to
 * SOCKS5 proxies), and the loopback address that sites see both connect from.
 */
public record LabVantage(String country, boolean control, URI proxy, String username, String password,
                         URI socksProxy, InetAddress exitAddress, String errorHeader) {

    /** Returns the proxy URL with its credentials, for printing to the user who started the lab. */
    public String proxyUrlWithCredentials() {
        if (username == null) {
            return proxy.toString();
        }
        return proxy.getScheme() + "://" + username + ":" + password + "@" + proxy.getAuthority();
    }

    @Override
    public String toString() {
        return "LabVantage[" + country + (control ? ", control" : "") + ", " + proxy + "]";
    }
}
