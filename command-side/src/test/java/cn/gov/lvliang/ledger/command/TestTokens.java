package cn.gov.lvliang.ledger.command;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Access tokens as the city's OIDC provider would issue them, signed with the test key pair whose public half the
 * test profile trusts.
 */
public final class TestTokens {

    private static final PrivateKey KEY = privateKey();

    private TestTokens() {
    }

    /**
     * A bearer token for a user with the given ledger role and scope ({@code null} unit or division: none). Its
     * validity is set by the wall clock, since that is what the resource server checks it against.
     */
    public static String bearer(String subject, String role, String unit, String division) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("https://sso.lvliang.test")
                .issueTime(Date.from(Instant.now()))
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("name", subject)
                .claim("ledger_role", role);
        if (unit != null) {
            claims.claim("ledger_unit", unit);
        }
        if (division != null) {
            claims.claim("ledger_division", division);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }

    private static PrivateKey privateKey() {
        try (InputStream in = TestTokens.class.getResourceAsStream("/security/test-jwt-private.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
