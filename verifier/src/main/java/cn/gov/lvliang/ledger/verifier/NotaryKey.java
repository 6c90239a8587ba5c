package cn.gov.lvliang.ledger.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * A checkpoint signing key: its public half always, its private half when the ledger holds it. Keys are exchanged
 * as PEM: PKCS#8 "PRIVATE KEY" and X.509 SubjectPublicKeyInfo "PUBLIC KEY", as OpenSSL writes them. The key id is
 * the first 16 hex digits of SHA-256 over the SubjectPublicKeyInfo DER.
 */
public final class NotaryKey {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignatureAlgorithm algorithm;
    private final AsymmetricKeyParameter publicKey;
    private final AsymmetricKeyParameter privateKey;
    private final byte[] publicKeyInfo;
    private final String keyId;

    private NotaryKey(SignatureAlgorithm algorithm, AsymmetricKeyParameter publicKey,
                      AsymmetricKeyParameter privateKey) {
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        try {
            this.publicKeyInfo = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded();
            this.keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKeyInfo), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new key pair. */
    public static NotaryKey generate(SignatureAlgorithm algorithm) {
        AsymmetricCipherKeyPair pair = switch (algorithm) {
            case ED25519 -> {
                Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
                generator.init(new Ed25519KeyGenerationParameters(RANDOM));
                yield generator.generateKeyPair();
            }
            case SM2 -> {
                ECKeyPairGenerator generator = new ECKeyPairGenerator();
                generator.init(new ECKeyGenerationParameters(new ECNamedDomainParameters(
                        GMObjectIdentifiers.sm2p256v1, GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1)), RANDOM));
                yield generator.generateKeyPair();
            }
        };
        return new NotaryKey(algorithm, pair.getPublic(), pair.getPrivate());
    }

    /** A key pair from its PKCS#8 PEM. */
    public static NotaryKey fromPrivatePem(String pem) {
        try {
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(pemBody(pem, "PRIVATE KEY"));
            if (key instanceof Ed25519PrivateKeyParameters ed) {
                return new NotaryKey(SignatureAlgorithm.ED25519, ed.generatePublicKey(), ed);
            }
            if (key instanceof ECPrivateKeyParameters ec && isSm2(ec.getParameters())) {
                ECPublicKeyParameters pub = new ECPublicKeyParameters(
                        ec.getParameters().getG().multiply(ec.getD()).normalize(), ec.getParameters());
                return new NotaryKey(SignatureAlgorithm.SM2, pub, ec);
            }
            throw new IllegalArgumentException("not an Ed25519 or SM2 private key");
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PKCS#8 private key: " + e.getMessage(), e);
        }
    }

    /** A public key from its X.509 SubjectPublicKeyInfo PEM. */
    public static NotaryKey fromPublicPem(String pem) {
        try {
            byte[] der = pemBody(pem, "PUBLIC KEY");
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
            AsymmetricKeyParameter key = PublicKeyFactory.createKey(info);
            if (key instanceof Ed25519PublicKeyParameters) {
                return new NotaryKey(SignatureAlgorithm.ED25519, key, null);
            }
            if (key instanceof ECPublicKeyParameters ec && isSm2(ec.getParameters())) {
                return new NotaryKey(SignatureAlgorithm.SM2, key, null);
            }
            throw new IllegalArgumentException("not an Ed25519 or SM2 public key");
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("not an")) {
                throw iae;
            }
            throw new IllegalArgumentException("not an X.509 public key: " + e.getMessage(), e);
        }
    }

    /**
     * The name of a key's file in a key directory: {@code checkpoint-ed25519.key.pem} (private, PKCS#8),
     * {@code checkpoint-sm2.pub.pem} (public, X.509).
     */
    public static String fileName(SignatureAlgorithm algorithm, boolean privateKey) {
        return "checkpoint-" + algorithm.label().toLowerCase(Locale.ROOT) + (privateKey ? ".key.pem" : ".pub.pem");
    }

    /** The public keys kept in a key directory, one per algorithm that has its file there. */
    public static List<NotaryKey> publicKeysIn(Path directory) throws IOException {
        List<NotaryKey> keys = new ArrayList<>();
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            Path file = directory.resolve(fileName(algorithm, false));
            if (Files.isRegularFile(file)) {
                keys.add(fromPublicPem(Files.readString(file, StandardCharsets.US_ASCII)));
            }
        }
        return keys;
    }

    private static boolean isSm2(org.bouncycastle.crypto.params.ECDomainParameters parameters) {
        if (parameters instanceof ECNamedDomainParameters named) {
            return GMObjectIdentifiers.sm2p256v1.equals(named.getName());
        }
        return parameters.getCurve().equals(GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1).getCurve());
    }

    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    public String keyId() {
        return keyId;
    }

    public boolean canSign() {
        return privateKey != null;
    }

    public String publicPem() {
        return pem("PUBLIC KEY", publicKeyInfo);
    }

    public String privatePem() {
        if (privateKey == null) {
            throw new IllegalStateException("only the public key is known");
        }
        try {
            return pem("PRIVATE KEY", PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This key without its private half. */
    public NotaryKey publicOnly() {
        return new NotaryKey(algorithm, publicKey, null);
    }

    public byte[] sign(byte[] message) {
        if (privateKey == null) {
            throw new IllegalStateException("key " + keyId + " has no private key here");
        }
        Signer signer = signer();
        signer.init(true, algorithm == SignatureAlgorithm.SM2 ? new ParametersWithRandom(privateKey, RANDOM)
                : privateKey);
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    public boolean verify(byte[] message, byte[] signature) {
        if (signature == null) {
            return false;
        }
        try {
            Signer signer = signer();
            signer.init(false, publicKey);
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false; // a malformed signature is a failed one
        }
    }

    private Signer signer() {
        return algorithm == SignatureAlgorithm.ED25519 ? new Ed25519Signer() : new SM2Signer();
    }

    private static byte[] pemBody(String pem, String label) {
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.find() || !matcher.group(1).equals(label)) {
            throw new IllegalArgumentException("no PEM block '" + label + "'");
        }
        return Base64.getMimeDecoder().decode(matcher.group(2));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
