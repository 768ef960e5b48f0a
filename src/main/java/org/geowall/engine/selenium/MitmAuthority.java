package org.geowall.engine.selenium;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import net.lightbody.bmp.mitm.CertificateAndKey;
import net.lightbody.bmp.mitm.CertificateAndKeySource;
import net.lightbody.bmp.mitm.RootCertificateGenerator;

/**
 * The certificate authority with which BrowserMob Proxy impersonates HTTPS sites, made fresh for
 * each recording proxy and never written to disk. The browser trusts it through an SPKI pin
 * ({@code --ignore-certificate-errors-spki-list}), never by ignoring all certificate errors.
 */
final class MitmAuthority {

    private final CertificateAndKeySource source;
    private final String spkiPin;

    MitmAuthority() {
        RootCertificateGenerator generator = RootCertificateGenerator.builder().build();
        CertificateAndKey root = generator.load();
        this.source = () -> root;
        this.spkiPin = spkiPin(root);
    }

    CertificateAndKeySource source() {
        return source;
    }

    /** Returns the base64 SHA-256 hash of the CA's SubjectPublicKeyInfo, as Chromium's pin list expects. */
    String spkiPin() {
        return spkiPin;
    }

    private static String spkiPin(CertificateAndKey root) {
        try {
            byte[] key = root.getCertificate().getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
