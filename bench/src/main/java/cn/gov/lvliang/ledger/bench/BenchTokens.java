package cn.gov.lvliang.ledger.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Signs the bench's clients in the way production signs users in: with OIDC-style bearer tokens, which both sides
 * check against a public key ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}). The bench stands
 * in for the city's identity provider with a key pair made for the run. Demo accounts over HTTP Basic would put a
 * bcrypt check into every timed request, which no production request pays.
 */
final class BenchTokens {

    /** Longer than any bench run or drill; the key pair dies with the run anyway. */
    private static final Duration VALIDITY = Duration.ofHours(12);

    private final KeyPair keys;

    private BenchTokens(KeyPair keys) {
        this.keys = keys;
    }

    static BenchTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new BenchTokens(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key pair generator in this JVM", e);
        }
    }

    /** An {@code Authorization} header value for a user of the given ledger role, without unit or division. */
    String bearer(String subject, String role) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("ledger-bench")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .claim("name", subject)
                .claim("ledger_role", role)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a bench token", e);
        }
        return "Bearer " + jwt.serialize();
    }

    /** Writes the public key as PEM into the directory and returns its path, for the sides to trust. */
    Path writePublicKey(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("bench-jwt-public.pem");
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return file;
    }
}
