package org.geowall.lab;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.net.Socket;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made fresh at each lab start. Browsers trust it through an SPKI pin
 * ({@code --ignore-certificate-errors-spki-list}), never by ignoring all certificate errors.
 *
 * <p>All site certificates share one EC P-256 key, because generating a key per site would
 * dominate the start time of large generated worlds.
 */
public final class LabCertificateAuthority {

    private static final Duration VALIDITY = Duration.ofDays(30);

    private final SecureRandom random = new SecureRandom();
    private final KeyPair caKeys;
    private final X509Certificate caCertificate;
    private final KeyPair siteKeys;

    public LabCertificateAuthority() {
        try {
            this.caKeys = newKeyPair();
            this.siteKeys = newKeyPair();
            this.caCertificate = issueCaCertificate();
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("Failed to create the lab certificate authority", e);
        }
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** Returns the CA certificate in PEM form, for clients such as curl ({@code --cacert}). */
    public String caCertificatePem() {
        try {
            String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                    .encodeToString(caCertificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("Failed to encode the lab CA certificate", e);
        }
    }

    /**
     * Returns the base64 SHA-256 hashes of the CA's and the site key's SubjectPublicKeyInfo,
     * comma-separated, as Chromium's {@code --ignore-certificate-errors-spki-list} expects.
     */
    public String spkiPins() {
        return spkiPin(caKeys.getPublic()) + "," + spkiPin(siteKeys.getPublic());
    }

    /**
     * Builds a server TLS context that presents a certificate for the given host names. The
     * certificate is issued at the first handshake, so starting thousands of sites stays cheap.
     */
    public SSLContext serverContext(List<String> hosts) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new SiteKeyManager(hosts)}, null, random);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Failed to create a TLS context for " + hosts, e);
        }
    }

    /** Presents the site key with a certificate for a fixed set of hosts, issued on first use. */
    private final class SiteKeyManager extends X509ExtendedKeyManager {

        private static final String ALIAS = "site";

        private final List<String> hosts;
        private volatile X509Certificate[] chain;

        SiteKeyManager(List<String> hosts) {
            this.hosts = List.copyOf(hosts);
        }

        private String aliasFor(String keyType) {
            return keyType != null && keyType.startsWith("EC") ? ALIAS : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return aliasFor(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return aliasFor(keyType);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return aliasFor(keyType) == null ? null : new String[] {ALIAS};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            if (!ALIAS.equals(alias)) {
                return null;
            }
            if (chain == null) {
                synchronized (this) {
                    if (chain == null) {
                        chain = issueChain();
                    }
                }
            }
            return chain.clone();
        }

        private X509Certificate[] issueChain() {
            try {
                return new X509Certificate[] {issueSiteCertificate(hosts), caCertificate};
            } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
                throw new IllegalStateException("Failed to issue a lab certificate for " + hosts, e);
            }
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? siteKeys.getPrivate() : null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private X509Certificate issueCaCertificate()
            throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
        X500Name name = new X500Name("CN=Geowall Lab CA " + Instant.now().getEpochSecond() + ",O=Geowall Lab");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), name, caKeys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
        return sign(builder);
    }

    private X509Certificate issueSiteCertificate(List<String> hosts)
            throws GeneralSecurityException, OperatorCreationException, java.io.IOException {
        Instant now = Instant.now();
        X500Name issuer = X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded());
        X500Name subject = new X500Name("CN=" + hosts.get(0));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, siteKeys.getPublic());
        GeneralName[] names = hosts.stream().map(host -> new GeneralName(GeneralName.dNSName, host))
                .toArray(GeneralName[]::new);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(caCertificate));
        return sign(builder);
    }

    private X509Certificate sign(X509v3CertificateBuilder builder)
            throws GeneralSecurityException, OperatorCreationException {
        ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private BigInteger serial() {
        return new BigInteger(64, random).abs().add(BigInteger.ONE);
    }

    private static String spkiPin(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
