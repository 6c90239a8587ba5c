package cn.gov.lvliang.ledger.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * The ways to sign in, shared by both sides: HTTP Basic with the demo accounts (demo only), OIDC bearer tokens when
 * an issuer or key is configured, and, for the web UI, a sign-in form. Each side adds its own rules of who may do
 * what.
 */
public final class LedgerHttpSecurity {

    /** Bearer tokens remembered as verified at most, and for how long at most (each until it expires, if sooner). */
    private static final int VERIFIED_TOKENS_KEPT = 1_000;
    private static final Duration VERIFIED_TOKENS_KEPT_FOR = Duration.ofMinutes(10);

    private final SecuritySettings settings;
    private final ObjectProvider<JwtDecoder> jwtDecoder;

    public LedgerHttpSecurity(SecuritySettings settings, ObjectProvider<JwtDecoder> jwtDecoder) {
        this.settings = settings;
        this.jwtDecoder = jwtDecoder;
    }

    /** Stateless API sign-in: Basic (demo accounts) and bearer tokens; 401 and 403 as problem+json. */
    public HttpSecurity api(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = configure(http);
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http;
    }

    /**
     * The API as above under {@code /api/**}, and a browser sign-in form with a session for the pages. CSRF
     * protection stays on for the pages' forms.
     */
    public HttpSecurity apiAndPages(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthenticated = configure(http);
        AntPathRequestMatcher api = AntPathRequestMatcher.antMatcher("/api/**");
        // The token is loaded before the page is written, not when the sign-out form asks for it: by then a long
        // page may have committed the response, and a session (where the token lives) can no longer be created.
        XorCsrfTokenRequestAttributeHandler eagerToken = new XorCsrfTokenRequestAttributeHandler();
        eagerToken.setCsrfRequestAttributeName(null);
        http.csrf(csrf -> csrf.ignoringRequestMatchers(api).csrfTokenRequestHandler(eagerToken))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(unauthenticated, api)
                        .defaultAccessDeniedHandlerFor(ProblemResponses.forbidden(), api));
        return http;
    }

    private AuthenticationEntryPoint configure(HttpSecurity http) throws Exception {
        boolean basic = settings.demoAccountsEnabled();
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        boolean bearer = decoder != null;
        AuthenticationEntryPoint unauthenticated = ProblemResponses.unauthenticated(basic, bearer);
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(unauthenticated));
        }
        if (bearer) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    // The wall clock, as Spring Security's own check of a token's expiry has it.
                    .jwt(jwt -> jwt.decoder(new VerifiedTokens(decoder, Clock.systemUTC(), VERIFIED_TOKENS_KEPT,
                                    VERIFIED_TOKENS_KEPT_FOR))
                            .jwtAuthenticationConverter(new LedgerJwtConverter(settings.claims())))
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(ProblemResponses.forbidden()));
        }
        http.anonymous(Customizer.withDefaults());
        return unauthenticated;
    }
}
