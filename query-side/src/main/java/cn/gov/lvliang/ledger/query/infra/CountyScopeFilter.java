package cn.gov.lvliang.ledger.query.infra;

import cn.gov.lvliang.ledger.security.CurrentUser;
import cn.gov.lvliang.ledger.security.LedgerUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps county-scoped users inside their county, in one place for every list, dashboard, export and case:
 * <ul>
 *   <li>a request that names another county in its {@code division} parameter is refused with 403;</li>
 *   <li>a request that names none is answered for the user's own county, as if it had named it, so no list,
 *   dashboard or export can return another county's rows;</li>
 *   <li>a request about one case (its view, audit trail, state or exports) is refused with 403 when the case is
 *   handled in another county;</li>
 *   <li>a request about one scored subject (a county's or a lead unit's score) is refused with 403 unless the subject
 *   is the user's county or one of its units.</li>
 * </ul>
 * City-wide users pass unchanged.
 */
@Component
public class CountyScopeFilter extends OncePerRequestFilter {

    static final String PARAMETER = "division";
    /** Paths that are about one case, with the case id as the first group. */
    private static final Pattern CASE_PATH = Pattern.compile(
            "^/(?:api/bundle-cases|api/cases|cases|export/cases|api/fundraising/cases|api/fundraising/clues"
                    + "|fundraising/clues"
                    + "|api/scoring/cards)/([^/.]+)(?:[/.].*)?$");

    /** Paths that are about one scored subject: its kind and its code (a division's or a unit's). */
    private static final Pattern SUBJECT_PATH = Pattern.compile(
            "^/(?:api/scoring|scoring|export/scoring)/(counties|lead-units)/([^/.]+)(?:[/.].*)?$");

    private final JdbcClient jdbc;

    CountyScopeFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<LedgerUser> user = CurrentUser.get().filter(signedIn -> !signedIn.cityWide());
        if (user.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String county = user.get().division();
        String requested = request.getParameter(PARAMETER);
        if (requested != null && !requested.isBlank() && !requested.equals(county)) {
            forbid(response, "You see county " + county + " only, not " + requested);
            return;
        }
        Matcher casePath = CASE_PATH.matcher(request.getServletPath());
        if (casePath.matches()) {
            Optional<String> caseCounty = countyOf(casePath.group(1));
            if (caseCounty.isPresent() && !caseCounty.get().equals(county)) {
                forbid(response, "The case belongs to county " + caseCounty.get() + "; you see county " + county
                        + " only");
                return;
            }
        }
        Matcher subjectPath = SUBJECT_PATH.matcher(request.getServletPath());
        if (subjectPath.matches()) {
            String code = subjectPath.group(2);
            Optional<String> subjectCounty = subjectPath.group(1).equals("counties") ? Optional.of(code)
                    : unitCounty(code);
            if (!subjectCounty.map(county::equals).orElse(false)) {
                forbid(response, code + " is not county " + county + " or one of its units; you see county " + county
                        + " only");
                return;
            }
        }
        chain.doFilter(requested == null || requested.isBlank() ? withDivision(request, county) : request, response);
    }

    /**
     * The county a bundle case, disposal case or clue is handled in, or a score card's subject belongs to (none, an
     * empty code, for a city unit's card), from the read models.
     */
    private Optional<String> countyOf(String id) {
        return jdbc.sql("""
                        SELECT division_code FROM bundle_case WHERE case_id = :id
                        UNION ALL SELECT division_code FROM fundraising_case WHERE case_id = :id
                        UNION ALL SELECT division_code FROM fundraising_clue WHERE clue_id = :id
                        UNION ALL SELECT COALESCE(subject_division, '') FROM score_card WHERE card_id = :id""")
                .param("id", id)
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    /** The county of a county unit; empty for a city unit or an unknown code. */
    private Optional<String> unitCounty(String unitCode) {
        return jdbc.sql("SELECT division_code FROM reference_unit WHERE code = :code AND division_code IS NOT NULL")
                .param("code", unitCode)
                .query(String.class)
                .optional();
    }

    private static void forbid(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:lvliang-ledger:problem:out-of-scope\",\"title\":\"Outside your "
                + "county\",\"status\":403,\"rule\":\"county-scope\",\"detail\":\"" + detail + "\"}");
    }

    private static HttpServletRequest withDivision(HttpServletRequest request, String county) {
        Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
        parameters.put(PARAMETER, new String[] {county});
        Map<String, String[]> scoped = Collections.unmodifiableMap(parameters);
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = scoped.get(name);
                return values == null || values.length == 0 ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return scoped;
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(List.copyOf(scoped.keySet()));
            }

            @Override
            public String[] getParameterValues(String name) {
                return scoped.get(name);
            }
        };
    }
}
