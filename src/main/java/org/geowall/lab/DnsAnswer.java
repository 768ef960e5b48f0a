package org.geowall.lab;

import java.net.InetAddress;
import java.util.Objects;

/** The lab geo DNS's answer for a name: an address, or one of the failures a resolver reports. */
public record DnsAnswer(Kind kind, InetAddress address) {

    /** The kinds of DNS answer. */
    public enum Kind {
        /** An A record. */
        ADDRESS,
        /** The name does not exist (RCODE 3). */
        NXDOMAIN,
        /** The resolver failed (RCODE 2). */
        SERVFAIL,
        /** The name exists but has no address record (RCODE 0 with an empty answer section). */
        NO_ANSWER
    }

    public static final DnsAnswer NXDOMAIN = new DnsAnswer(Kind.NXDOMAIN, null);
    public static final DnsAnswer SERVFAIL = new DnsAnswer(Kind.SERVFAIL, null);
    public static final DnsAnswer NO_ANSWER = new DnsAnswer(Kind.NO_ANSWER, null);

    public DnsAnswer {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.ADDRESS) != (address != null)) {
            throw new IllegalArgumentException("A DNS answer of kind " + kind
                    + (address == null ? " needs an address" : " must not carry an address, but got " + address));
        }
    }

    public static DnsAnswer of(InetAddress address) {
        return new DnsAnswer(Kind.ADDRESS, Objects.requireNonNull(address, "address"));
    }

    public boolean hasAddress() {
        return kind == Kind.ADDRESS;
    }
}
