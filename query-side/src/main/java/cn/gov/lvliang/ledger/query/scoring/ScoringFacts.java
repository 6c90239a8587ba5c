package cn.gov.lvliang.ledger.query.scoring;

import cn.gov.lvliang.ledger.events.scoring.PenaltyRule;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.fundraising.FindLegacyCasesQuery;
import cn.gov.lvliang.ledger.query.fundraising.FindRecoveryQuery;
import cn.gov.lvliang.ledger.query.fundraising.LegacyCaseTargets;
import cn.gov.lvliang.ledger.query.fundraising.LegacyCasesView;
import cn.gov.lvliang.ledger.query.fundraising.RecoveryView;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.SqlValues;
import cn.gov.lvliang.ledger.query.infra.StringLists;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.AcceptanceDecision;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.BundleFacts;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.CaseMoney;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.ClueVerification;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Complaint;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Conclusion;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.DisposalCase;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.FundraisingFacts;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.LegacyCase;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.ListedBundle;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.MajorCase;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.MaterialsRecorded;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Petition;
import cn.gov.lvliang.ledger.query.scoring.ScoreInputs.Rating;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fetches the facts scores are computed from ({@link ScoreInputs}): read-only SQL over the bundle-case, catalog,
 * reference and fundraising read models, and the campaign's own recovery and legacy-case queries for the figures it
 * already answers. One statement per kind of fact serves every subject of a kind at once. Every fact is cut at the
 * period's end: what happened later is left out, so the inputs are the ledger's facts as at that end. The SQL runs on
 * PostgreSQL and on H2 in PostgreSQL mode.
 */
@Component
class ScoringFacts {

    /** The latest published catalog, whose yearly lists the bundles in operation are measured against. */
    private static final String LATEST_CATALOG = "(SELECT MAX(version) FROM catalog_publication)";
    private static final String MAJOR_REASONS = "(e.reasons LIKE '%AMOUNT_OVER_THRESHOLD%'"
            + " OR e.reasons LIKE '%PARTICIPANTS_OVER_THRESHOLD%')";

    private final JdbcClient jdbc;
    private final QueryGateway queryGateway;

    ScoringFacts(JdbcClient jdbc, QueryGateway queryGateway) {
        this.jdbc = jdbc;
        this.queryGateway = queryGateway;
    }

    /**
     * The subjects of a kind, in the reference data's order: every county-level division; or every unit that the
     * latest catalog names as a bundle's lead unit (by its name or an alias in the reference data).
     */
    List<ScoredSubject> subjects(ScoredSubjectKind kind) {
        if (kind == ScoredSubjectKind.COUNTY) {
            return jdbc.sql("SELECT code, name FROM reference_division ORDER BY list_order, code")
                    .query((row, rowNumber) -> new ScoredSubject(row.getString("code"), row.getString("name"),
                            row.getString("code")))
                    .list();
        }
        Set<String> leads = Set.copyOf(jdbc.sql("SELECT DISTINCT lead_unit FROM catalog_bundle WHERE catalog_version = "
                + LATEST_CATALOG).query(String.class).list());
        return units().stream().filter(unit -> unit.names().stream().anyMatch(leads::contains))
                .map(unit -> new ScoredSubject(unit.code(), unit.name(), unit.division()))
                .toList();
    }

    /** The inputs of each of the given subjects of a kind, by subject code, for the period and rubric version. */
    Map<String, ScoreInputs> inputs(ScoredSubjectKind kind, Collection<String> subjectCodes, ScoringPeriod period,
                                    RubricView rubric) {
        Cut cut = new Cut(period, kind, List.copyOf(subjectCodes));
        Map<String, BundleFacts> bundle = bundleFacts(cut);
        Map<String, FundraisingFacts> fundraising = kind == ScoredSubjectKind.COUNTY
                ? fundraisingFacts(cut, rubric) : Map.of();
        Map<String, ScoreInputs> inputs = new LinkedHashMap<>();
        for (String code : subjectCodes) {
            inputs.put(code, new ScoreInputs(rubric.version(), kind, code, period.code(),
                    bundle.getOrDefault(code, BundleFacts.none()),
                    kind == ScoredSubjectKind.COUNTY ? fundraising.getOrDefault(code, FundraisingFacts.none()) : null));
        }
        return inputs;
    }

    // ---- bundle cases ------------------------------------------------------------------------------------------

    private Map<String, BundleFacts> bundleFacts(Cut cut) {
        String key = cut.key();
        Map<String, List<Conclusion>> conclusions = cut.grouped("""
                        SELECT %1$s AS subject, c.case_id, c.concluded_at, c.overdue_at,
                               (SELECT COUNT(*) FROM bundle_case_visit v
                                WHERE v.case_id = c.case_id AND v.visited_at < :end) AS visits
                        FROM bundle_case c
                        WHERE c.concluded_at >= :start AND c.concluded_at < :end AND %1$s IN (:subjects)"""
                        .formatted(key),
                row -> new Conclusion(row.getString("case_id"), SqlValues.instant(row, "concluded_at"),
                        cut.seen(SqlValues.instant(row, "overdue_at")), row.getInt("visits")));
        Map<String, List<MaterialsRecorded>> materials = cut.grouped("""
                        SELECT %1$s AS subject, m.case_id,
                               SUM(CASE WHEN m.disposition = 'WAIVED' THEN 0 ELSE 1 END) AS submitted,
                               SUM(CASE WHEN m.disposition = 'WAIVED' THEN 1 ELSE 0 END) AS waived
                        FROM bundle_case_material m
                        JOIN bundle_case c ON c.case_id = m.case_id
                        WHERE m.recorded_at >= :start AND m.recorded_at < :end AND %1$s IN (:subjects)
                        GROUP BY %1$s, m.case_id""".formatted(key),
                row -> new MaterialsRecorded(row.getString("case_id"), row.getInt("submitted"), row.getInt("waived")));
        Map<String, List<AcceptanceDecision>> acceptances = cut.grouped("""
                        SELECT %1$s AS subject, c.case_id, c.accepted_at, c.refused_at
                        FROM bundle_case c
                        WHERE ((c.accepted_at >= :start AND c.accepted_at < :end)
                               OR (c.refused_at >= :start AND c.refused_at < :end))
                          AND %1$s IN (:subjects)""".formatted(key),
                row -> {
                    Instant refused = SqlValues.instant(row, "refused_at");
                    boolean wasRefused = refused != null && cut.window(refused);
                    return new AcceptanceDecision(row.getString("case_id"),
                            wasRefused ? refused : SqlValues.instant(row, "accepted_at"), wasRefused);
                });
        Map<String, List<Complaint>> complaints = cut.grouped("""
                        SELECT %1$s AS subject, k.case_id, k.complaint_id, k.lodged_at, k.resolved_at
                        FROM bundle_case_complaint k
                        JOIN bundle_case c ON c.case_id = k.case_id
                        WHERE k.lodged_at < :end AND (k.resolved_at IS NULL OR k.resolved_at >= :start)
                          AND %1$s IN (:subjects)""".formatted(key),
                row -> new Complaint(row.getString("case_id"), row.getString("complaint_id"),
                        SqlValues.instant(row, "lodged_at"), cut.seen(SqlValues.instant(row, "resolved_at"))));
        Map<String, List<Rating>> ratings = cut.grouped("""
                        SELECT %1$s AS subject, c.case_id, c.rated_at, c.rating_score
                        FROM bundle_case c
                        WHERE c.rated_at >= :start AND c.rated_at < :end AND c.rating_score IS NOT NULL
                          AND %1$s IN (:subjects)""".formatted(key),
                row -> new Rating(row.getString("case_id"), SqlValues.instant(row, "rated_at"), row.getInt("rating_score")));
        Map<String, List<ListedBundle>> bundles = listedBundles(cut);

        Map<String, BundleFacts> facts = new HashMap<>();
        for (String subject : cut.subjects()) {
            facts.put(subject, new BundleFacts(conclusions.get(subject), materials.get(subject),
                    acceptances.get(subject), complaints.get(subject), ratings.get(subject), bundles.get(subject)));
        }
        return facts;
    }

    /**
     * The bundles of the period's yearly list that are each subject's (all of them for a county, those it leads for
     * a lead unit), each with the subject's first case submitted by the end.
     */
    private Map<String, List<ListedBundle>> listedBundles(Cut cut) {
        record Bundle(String code, String name, String leadUnit) {
        }
        List<Bundle> list = jdbc.sql("SELECT code, name, lead_unit FROM catalog_bundle WHERE catalog_version = "
                        + LATEST_CATALOG + " AND target_year = :year ORDER BY seq, code")
                .param("year", cut.period().year())
                .query((row, rowNumber) -> new Bundle(row.getString("code"), row.getString("name"),
                        row.getString("lead_unit")))
                .list();
        if (list.isEmpty()) {
            return Map.of();
        }
        Map<String, Instant> firstCases = new HashMap<>();
        jdbc.sql("""
                        SELECT %1$s AS subject, c.bundle_code, MIN(c.submitted_at) AS first_submitted_at
                        FROM bundle_case c
                        WHERE c.submitted_at < :end AND c.bundle_code IN (:codes) AND %1$s IN (:subjects)
                        GROUP BY %1$s, c.bundle_code""".formatted(cut.key()))
                .params(cut.params())
                .param("codes", list.stream().map(Bundle::code).toList())
                .query((ResultSet row) -> {
                    firstCases.put(row.getString("subject") + "\n" + row.getString("bundle_code"),
                            SqlValues.instant(row, "first_submitted_at"));
                });
        Map<String, String> leadCodes = cut.kind() == ScoredSubjectKind.LEAD_UNIT ? unitCodesByName() : Map.of();
        Map<String, List<ListedBundle>> bundles = new HashMap<>();
        for (String subject : cut.subjects()) {
            bundles.put(subject, list.stream()
                    .filter(bundle -> cut.kind() == ScoredSubjectKind.COUNTY
                            || subject.equals(leadCodes.get(bundle.leadUnit())))
                    .map(bundle -> new ListedBundle(bundle.code(), bundle.name(),
                            firstCases.get(subject + "\n" + bundle.code())))
                    .toList());
        }
        return bundles;
    }

    // ---- the fundraising campaign ------------------------------------------------------------------------------

    private Map<String, FundraisingFacts> fundraisingFacts(Cut cut, RubricView rubric) {
        Map<String, List<ClueVerification>> clues = cut.grouped("""
                        SELECT cl.division_code AS subject, cl.clue_id, cl.verified_at, cl.overdue_at
                        FROM fundraising_clue cl
                        WHERE cl.division_code IN (:subjects)
                          AND ((cl.verified_at >= :start AND cl.verified_at < :end)
                               OR (cl.overdue_at < :end AND (cl.verified_at IS NULL OR cl.verified_at >= :end)
                                   AND (cl.ended_at IS NULL OR cl.ended_at >= :end)))""",
                row -> new ClueVerification(row.getString("clue_id"), cut.seen(SqlValues.instant(row, "verified_at")),
                        cut.seen(SqlValues.instant(row, "overdue_at"))));
        Map<String, List<DisposalCase>> cases = cut.grouped("""
                        SELECT c.division_code AS subject, c.case_id, c.opened_at, c.closed_at
                        FROM fundraising_case c
                        WHERE NOT c.legacy AND c.opened_at < :end AND c.division_code IN (:subjects)""",
                row -> new DisposalCase(row.getString("case_id"), SqlValues.instant(row, "opened_at"),
                        cut.seen(SqlValues.instant(row, "closed_at"))));
        Map<String, List<Petition>> petitions = cut.grouped("""
                        SELECT c.division_code AS subject, p.case_id, p.petition_id, p.received_at, p.handled_at
                        FROM fundraising_case_petition p
                        JOIN fundraising_case c ON c.case_id = p.case_id
                        WHERE p.received_at < :end AND (p.handled_at IS NULL OR p.handled_at >= :start)
                          AND c.division_code IN (:subjects)""",
                row -> new Petition(row.getString("case_id"), row.getString("petition_id"),
                        SqlValues.instant(row, "received_at"), cut.seen(SqlValues.instant(row, "handled_at"))));
        Map<String, List<LegacyCase>> legacy = legacyCases(cut);
        Map<String, List<CaseMoney>> money = money(cut);
        Map<String, List<MajorCase>> major = majorCases(cut, rubric);

        Map<String, FundraisingFacts> facts = new HashMap<>();
        for (String subject : cut.subjects()) {
            facts.put(subject, new FundraisingFacts(clues.get(subject), cases.get(subject), legacy.get(subject),
                    money.get(subject), petitions.get(subject), major.get(subject)));
        }
        return facts;
    }

    /**
     * Each county's legacy cases as at the end, from the campaign's own legacy-case query: the plan's cases
     * whether imported or not, and any other legacy case imported by the end.
     */
    private Map<String, List<LegacyCase>> legacyCases(Cut cut) {
        Set<String> plan = LegacyCaseTargets.PLAN.stream().map(LegacyCaseTargets.Expected::code)
                .collect(Collectors.toSet());
        LegacyCasesView view = queryGateway.query(new FindLegacyCasesQuery(),
                ResponseTypes.instanceOf(LegacyCasesView.class)).join();
        Map<String, List<LegacyCase>> byCounty = new HashMap<>();
        for (LegacyCasesView.LegacyCaseView legacy : view.cases()) {
            boolean known = plan.contains(legacy.legacyCode())
                    || (legacy.importedAt() != null && cut.seen(legacy.importedAt()) != null);
            if (known) {
                byCounty.computeIfAbsent(legacy.divisionCode(), code -> new ArrayList<>()).add(new LegacyCase(
                        legacy.legacyCode(), legacy.caseId(), legacy.resolved() ? cut.seen(legacy.resolvedAt()) : null));
            }
        }
        return byCounty;
    }

    /** Every case's money as at the period's last day, from the campaign's own recovery figures. */
    private Map<String, List<CaseMoney>> money(Cut cut) {
        RecoveryView recovery = queryGateway.query(new FindRecoveryQuery(null, cut.period().to()),
                ResponseTypes.instanceOf(RecoveryView.class)).join();
        Map<String, List<CaseMoney>> byCounty = new HashMap<>();
        for (RecoveryView.RecoveryCase recovered : recovery.cases()) {
            byCounty.computeIfAbsent(recovered.divisionCode(), code -> new ArrayList<>()).add(new CaseMoney(
                    recovered.caseId(), recovered.involvedFen(), recovered.recoveredFen(), recovered.refundedFen()));
        }
        return byCounty;
    }

    /** The major cases opened on or after the earliest day a major-case penalty of the rubric counts from. */
    private Map<String, List<MajorCase>> majorCases(Cut cut, RubricView rubric) {
        Optional<LocalDate> countsFrom = rubric.penalties().stream()
                .filter(penalty -> penalty.rule() == PenaltyRule.MAJOR_CASE_AFTER_CAMPAIGN_HANDLED_POORLY)
                .map(RubricPenalty::countsFrom)
                .min(LocalDate::compareTo);
        if (countsFrom.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Petition>> petitions = new HashMap<>();
        String major = """
                FROM fundraising_case c
                WHERE c.opened_at >= :countsFrom AND c.opened_at < :end AND c.division_code IN (:subjects)
                  AND EXISTS (SELECT 1 FROM fundraising_case_escalation e
                              WHERE e.case_id = c.case_id AND e.escalated_at < :end AND %s)""".formatted(MAJOR_REASONS);
        Map<String, Object> params = new HashMap<>(cut.params());
        params.put("countsFrom", SqlValues.utc(BusinessDay.startOf(countsFrom.get())));
        jdbc.sql("""
                        SELECT p.case_id, p.petition_id, p.received_at, p.handled_at
                        FROM fundraising_case_petition p
                        WHERE p.received_at < :end AND p.case_id IN (SELECT c.case_id %s)""".formatted(major))
                .params(params)
                .query((ResultSet row) -> {
                    petitions.computeIfAbsent(row.getString("case_id"), id -> new ArrayList<>()).add(new Petition(
                            row.getString("case_id"), row.getString("petition_id"), SqlValues.instant(row, "received_at"),
                            cut.seen(SqlValues.instant(row, "handled_at"))));
                });
        Map<String, List<MajorCase>> byCounty = new HashMap<>();
        jdbc.sql("SELECT c.division_code AS subject, c.case_id, c.opened_at, c.determined_at " + major)
                .params(params)
                .query((ResultSet row) -> {
                    String caseId = row.getString("case_id");
                    byCounty.computeIfAbsent(row.getString("subject"), code -> new ArrayList<>()).add(new MajorCase(
                            caseId, SqlValues.instant(row, "opened_at"), cut.seen(SqlValues.instant(row, "determined_at")),
                            petitions.getOrDefault(caseId, List.of())));
                });
        return byCounty;
    }

    // ---- shared ------------------------------------------------------------------------------------------------

    private List<Unit> units() {
        return jdbc.sql("SELECT code, name, division_code, aliases FROM reference_unit ORDER BY list_order, code")
                .query((row, rowNumber) -> {
                    List<String> names = new ArrayList<>();
                    names.add(row.getString("name"));
                    names.addAll(StringLists.fromJson(row.getString("aliases")));
                    return new Unit(row.getString("code"), row.getString("name"), row.getString("division_code"),
                            names);
                })
                .list();
    }

    /** Unit codes by every printed form of their names, as the catalog names lead units. */
    private Map<String, String> unitCodesByName() {
        Map<String, String> codes = new HashMap<>();
        for (Unit unit : units()) {
            unit.names().forEach(name -> codes.putIfAbsent(name, unit.code()));
        }
        return codes;
    }

    private record Unit(String code, String name, String division, List<String> names) {
    }

    /** Reads one row of a grouped statement. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The period, kind and subjects one fetch is cut to, with the statement parameters they bind. */
    private final class Cut {

        private final ScoringPeriod period;
        private final ScoredSubjectKind kind;
        private final List<String> subjects;
        private final Instant start;
        private final Instant end;

        Cut(ScoringPeriod period, ScoredSubjectKind kind, List<String> subjects) {
            this.period = period;
            this.kind = kind;
            this.subjects = subjects;
            this.start = BusinessDay.startOf(period.from());
            this.end = BusinessDay.startOf(period.to().plusDays(1));
        }

        ScoringPeriod period() {
            return period;
        }

        ScoredSubjectKind kind() {
            return kind;
        }

        List<String> subjects() {
            return subjects;
        }

        /** The bundle case's column that names the subject. */
        String key() {
            return kind == ScoredSubjectKind.COUNTY ? "c.division_code" : "c.lead_unit";
        }

        Map<String, Object> params() {
            Map<String, Object> params = new HashMap<>();
            params.put("start", SqlValues.utc(start));
            params.put("end", SqlValues.utc(end));
            // An empty IN list is not valid SQL; a code no subject has selects nothing instead.
            params.put("subjects", subjects.isEmpty() ? List.of("") : subjects);
            return params;
        }

        /** The instant, if it lies before the end of the period; {@code null} for what happened later. */
        Instant seen(Instant instant) {
            return instant != null && instant.isBefore(end) ? instant : null;
        }

        boolean window(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }

        /** Runs a statement whose first column is the subject, and groups what each row reads by subject. */
        <T> Map<String, List<T>> grouped(String sql, RowReader<T> reader) {
            Map<String, List<T>> grouped = new HashMap<>();
            jdbc.sql(sql).params(params()).query((ResultSet row) -> {
                grouped.computeIfAbsent(row.getString("subject"), subject -> new ArrayList<>())
                        .add(reader.read(row));
            });
            return grouped;
        }
    }
}
