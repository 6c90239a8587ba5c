package cn.gov.lvliang.ledger.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated OIDC access token into the ledger's user: the subject is the user id, the role and scope come
 * from the token's claims. A token without a known role authenticates nobody.
 */
public final class LedgerJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Claims claims;

    public LedgerJwtConverter(SecuritySettings.Claims claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        LedgerRole role;
        try {
            role = LedgerRole.valueOf(String.valueOf(jwt.getClaimAsString(claims.role())));
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token has no known " + claims.role() + " claim");
        }
        LedgerUser user = new LedgerUser(jwt.getSubject(), jwt.getClaimAsString(claims.name()), role,
                jwt.getClaimAsString(claims.unit()), jwt.getClaimAsString(claims.division()));
        return new UsernamePasswordAuthenticationToken(user, jwt,
                List.of(new SimpleGrantedAuthority(role.authority())));
    }
}
