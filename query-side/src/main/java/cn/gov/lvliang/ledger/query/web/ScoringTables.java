package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.scoring.IndicatorMeasure;
import cn.gov.lvliang.ledger.events.scoring.PeriodKind;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.dashboard.CaseFilter;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.InvalidParameterException;
import cn.gov.lvliang.ledger.query.scoring.CountedItem;
import cn.gov.lvliang.ledger.query.scoring.DrilldownView;
import cn.gov.lvliang.ledger.query.scoring.IndicatorScore;
import cn.gov.lvliang.ledger.query.scoring.RankingView;
import cn.gov.lvliang.ledger.query.scoring.RubricView;
import cn.gov.lvliang.ledger.query.scoring.ScoreCardSummary;
import cn.gov.lvliang.ledger.query.scoring.ScoreCardView;
import cn.gov.lvliang.ledger.query.scoring.SubjectScore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The tables of the scoring pages (考核评分) and their exports: the ranking, a subject's indicators and penalties,
 * an indicator's counted items, the issued cards with their adjustments and appeals. Numbers are the scoring API's,
 * shown with the measure's unit; every score links down to what it counted.
 */
@Component
public class ScoringTables {

    /** The first year the programmes' records cover: the first year a period can be chosen from. */
    static final int FIRST_YEAR = 2024;
    private static final ZoneId BEIJING = BusinessDay.ZONE;

    private final Labels labels;
    private final Clock clock;

    ScoringTables(Labels labels, Clock clock) {
        this.labels = labels;
        this.clock = clock;
    }

    // ---- choices -----------------------------------------------------------------------------------------------

    /** The kind a parameter names: counties unless it says lead units. */
    public ScoredSubjectKind kind(String segment) {
        if (segment == null || segment.isBlank() || segment.equals("counties")) {
            return ScoredSubjectKind.COUNTY;
        }
        if (segment.equals("lead-units")) {
            return ScoredSubjectKind.LEAD_UNIT;
        }
        throw new InvalidParameterException("kind", "must be counties or lead-units, was " + segment);
    }

    /** The period a parameter names, or the last full year: the annual review (年度评估). */
    public ScoringPeriod period(String code) {
        if (code == null || code.isBlank()) {
            return ScoringPeriod.parse(Integer.toString(BusinessDay.today(clock).getYear() - 1));
        }
        try {
            return ScoringPeriod.parse(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("period", e.getMessage().replaceFirst("^period: ", ""));
        }
    }

    /**
     * Every period that has begun since the first year, newest year first, each year's periods in order; and the
     * chosen period, wherever it lies, so that the form always shows it.
     */
    public Map<Integer, List<PeriodOption>> periods(ScoringPeriod chosen) {
        LocalDate today = BusinessDay.today(clock);
        Map<Integer, List<PeriodOption>> years = new LinkedHashMap<>();
        for (int year = today.getYear(); year >= FIRST_YEAR; year--) {
            List<PeriodOption> options = new ArrayList<>();
            options.add(option(new ScoringPeriod(PeriodKind.YEAR, year, 1)));
            for (int half = 1; half <= 2; half++) {
                options.add(option(new ScoringPeriod(PeriodKind.HALF_YEAR, year, half)));
            }
            for (int quarter = 1; quarter <= 4; quarter++) {
                options.add(option(new ScoringPeriod(PeriodKind.QUARTER, year, quarter)));
            }
            for (int month = 1; month <= 12; month++) {
                options.add(option(new ScoringPeriod(PeriodKind.MONTH, year, month)));
            }
            years.put(year, options.stream().filter(o -> !o.period().from().isAfter(today)).toList());
        }
        boolean listed = years.values().stream().flatMap(List::stream).anyMatch(o -> o.code().equals(chosen.code()));
        if (!listed) {
            List<PeriodOption> ofYear = new ArrayList<>(years.getOrDefault(chosen.year(), List.of()));
            ofYear.add(option(chosen));
            years.put(chosen.year(), ofYear);
        }
        return years;
    }

    /** A period as the pages name it, e.g. 2025年第一季度. */
    public String periodName(ScoringPeriod period) {
        return labels.get("scoring.period." + period.kind().name(), Integer.toString(period.year()),
                period.number());
    }

    private PeriodOption option(ScoringPeriod period) {
        return new PeriodOption(period, period.code(), periodName(period));
    }

    /** A period to choose. */
    public record PeriodOption(ScoringPeriod period, String code, String name) {
    }

    // ---- tables ------------------------------------------------------------------------------------------------

    /** The ranking: one line per subject, best first, with each indicator's points linking to its items. */
    public Table ranking(RankingView ranking, List<ScoreCardSummary> cards) {
        Map<String, ScoreCardSummary> cardsBySubject = cards.stream()
                .collect(Collectors.toMap(ScoreCardSummary::subjectCode, Function.identity(), (a, b) -> a));
        ScoredSubjectKind kind = ranking.subjectKind();
        List<String> headers = new ArrayList<>(List.of(labels.get("scoring.col.rank"),
                labels.get("scoring.kind." + ScoringLinks.segment(kind)), labels.get("scoring.col.total"),
                labels.get("scoring.col.base"), labels.get("scoring.col.penalty")));
        for (RubricIndicator indicator : ranking.indicators()) {
            headers.add(labels.get("scoring.col.indicator", indicator.name(), number(indicator.weight())));
        }
        headers.add(labels.get("scoring.col.card"));
        List<List<Cell>> rows = new ArrayList<>();
        for (SubjectScore score : ranking.subjects()) {
            List<Cell> row = new ArrayList<>();
            row.add(score.rank() == null ? Cell.text("—") : Cell.count(score.rank(), null));
            // The ranking has a column per indicator and scrolls sideways on most screens: its names stay whole.
            row.add(Cell.unbroken(score.subjectName(),
                    ScoringLinks.subject(kind, score.subjectCode(), score.period(), score.rubricVersion())));
            row.add(points(score.totalScore(), null));
            row.add(points(score.baseScore(), null));
            row.add(points(score.penaltyPoints(), null));
            for (IndicatorScore indicator : score.indicators()) {
                row.add(indicator.applicable()
                        ? points(indicator.points(), ScoringLinks.drilldown(kind, score.subjectCode(),
                        indicator.code(), score.period(), score.rubricVersion()))
                        : Cell.noFigure(labels.get("scoring.notApplicable")));
            }
            ScoreCardSummary card = cardsBySubject.get(score.subjectCode());
            row.add(card == null ? Cell.text(labels.get("scoring.card.none"))
                    : Cell.text(labels.get("scoring.card.issued", number(card.totalScore())),
                    ScoringLinks.print(kind, score.subjectCode(), score.period(), score.rubricVersion())));
            rows.add(row);
        }
        return new Table("ranking", labels.get("table.ranking.title", labels.get("scoring.kind."
                        + ScoringLinks.segment(kind))), headers, rows, labels.get("table.ranking.note"),
                ScoringLinks.rankingExport(kind, ranking.period(), ranking.rubricVersion()), null);
    }

    /**
     * A subject's indicators as scored (or as a card froze them), in the rubric's order; with {@code score} given,
     * each links down to its items.
     */
    public Table indicators(List<ScoreCardView.CardIndicator> indicators, RubricView rubric, SubjectScore score) {
        Map<String, RubricIndicator> definitions = rubric.indicators().stream()
                .collect(Collectors.toMap(RubricIndicator::code, Function.identity()));
        List<List<Cell>> rows = new ArrayList<>();
        for (ScoreCardView.CardIndicator indicator : indicators) {
            RubricIndicator definition = definitions.get(indicator.code());
            IndicatorMeasure measure = definition == null ? null : definition.measure();
            String href = score == null || !indicator.applicable() ? null : ScoringLinks.drilldown(
                    score.subjectKind(), score.subjectCode(), indicator.code(), score.period(),
                    score.rubricVersion());
            rows.add(List.of(
                    Cell.text(indicator.name(), href),
                    Cell.decimal1(indicator.weight() == null ? null : indicator.weight().doubleValue(), null),
                    indicator.applicable() ? value(measure, indicator.value())
                            : Cell.noFigure(labels.get("scoring.notApplicable")),
                    Cell.unbroken(indicator.applicable()
                            ? figures(indicator.numerator(), indicator.denominator()) : ""),
                    points(indicator.points(), href),
                    Cell.decimal1(!indicator.applicable() || indicator.weight() == null
                            || indicator.weight().signum() == 0 ? null
                            : indicator.points().doubleValue() * 100 / indicator.weight().doubleValue(), null),
                    Cell.unbroken(indicator.rank() == null ? "" : labels.get("scoring.rankOf", indicator.rank(),
                            indicator.rankedAmong())),
                    Cell.text(definition == null ? "" : definition.basis())));
        }
        return new Table("indicators", labels.get("table.indicators.title"), List.of(
                labels.get("scoring.col.name"), labels.get("scoring.col.weight"), labels.get("scoring.col.value"),
                labels.get("scoring.col.figures"), labels.get("scoring.col.points"), labels.get("scoring.col.rate"),
                labels.get("scoring.col.indicatorRank"), labels.get("scoring.col.basis")), rows,
                labels.get("table.indicators.note"), score == null ? null : ScoringLinks.indicators(
                score.subjectKind(), score.subjectCode(), score.period(), score.rubricVersion()), null);
    }

    /** A subject's indicators as computed, in the card's terms. */
    public static List<ScoreCardView.CardIndicator> lines(SubjectScore score) {
        return score.indicators().stream().map(i -> new ScoreCardView.CardIndicator(i.code(), i.name(), i.weight(),
                i.applicable(), i.value(), i.numerator(), i.denominator(), i.points(), i.rank(), i.rankedAmong()))
                .toList();
    }

    /** A subject's penalties, each with the cases it counted. */
    public Table penalties(List<ScoreCardView.CardPenalty> penalties) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ScoreCardView.CardPenalty penalty : penalties) {
            rows.add(List.of(Cell.text(penalty.name()), Cell.count(penalty.caseIds().size(), null),
                    Cell.text(String.join(labels.get("list.separator"), penalty.caseIds())),
                    points(penalty.points(), null)));
        }
        return new Table("penalties", labels.get("table.penalties.title"), List.of(labels.get("scoring.col.name"),
                labels.get("scoring.col.cases"), labels.get("scoring.col.caseIds"), labels.get("scoring.col.deducted")),
                rows, labels.get("table.penalties.note"), null, null);
    }

    /** A subject's penalties as computed, in the card's terms. */
    public static List<ScoreCardView.CardPenalty> penaltyLines(SubjectScore score) {
        return score.penalties().stream().map(p -> new ScoreCardView.CardPenalty(p.code(), p.name(), p.caseIds(),
                p.points())).toList();
    }

    /** What an indicator counted: one line per case, complaint, bundle, clue or petition, each linking to it. */
    public Table items(DrilldownView drilldown) {
        SubjectScore score = drilldown.score();
        IndicatorMeasure measure = drilldown.definition().measure();
        List<List<Cell>> rows = new ArrayList<>();
        for (CountedItem item : drilldown.items()) {
            rows.add(List.of(
                    Cell.text(labels.of("scoring.item", item.kind())),
                    Cell.identifier(item.id(), itemHref(item, score)),
                    Cell.text(labels.get("scoring.counted." + measure.name() + "." + (item.counted() ? "yes" : "no"))),
                    item.at() == null ? Cell.text("") : Cell.dateTime(LocalDateTime.ofInstant(item.at(), BEIJING)),
                    decimal(item.amount()),
                    decimal(item.ofAmount())));
        }
        return new Table("items", labels.get("table.items.title", drilldown.definition().name()), List.of(
                labels.get("scoring.col.kind"), labels.get("scoring.col.id"), labels.get("scoring.col.counted"),
                labels.get("scoring.col.at"), labels.get("scoring.col.amount." + measure.name()),
                labels.get("scoring.col.ofAmount." + measure.name())), rows,
                labels.get("scoring.measure." + measure.name() + ".definition"),
                ScoringLinks.drilldownExport(score.subjectKind(), score.subjectCode(), drilldown.indicator().code(),
                        score.period(), score.rubricVersion()), null);
    }

    /** The issued cards of a period, with their totals as issued and now, adjustments and appeals. */
    public Table cards(List<ScoreCardSummary> cards, ScoredSubjectKind kind, String period, Integer rubric) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ScoreCardSummary card : cards) {
            String print = ScoringLinks.print(card.subjectKind(), card.subjectCode(), card.period(),
                    card.rubricVersion());
            rows.add(List.of(
                    Cell.text(card.subjectName(), print),
                    Cell.text(card.period()),
                    Cell.count(card.rubricVersion(), null),
                    points(card.issuedTotal(), null),
                    points(card.totalScore(), null),
                    card.rank() == null ? Cell.text("") : Cell.count(card.rank(), null),
                    Cell.count(card.adjustments(), null),
                    Cell.text(labels.get("scoring.appeals", card.appeals(), card.openAppeals())),
                    Cell.dateTime(LocalDateTime.ofInstant(card.issuedAt(), BEIJING)),
                    Cell.text(labels.get("scoring.verify"), ScoringLinks.verificationApi(card.cardId())),
                    Cell.text(card.inputHash())));
        }
        return new Table("cards", labels.get("table.cards.title"), List.of(labels.get("scoring.col.subject"),
                labels.get("scoring.col.period"), labels.get("scoring.col.rubric"), labels.get("scoring.col.issuedTotal"),
                labels.get("scoring.col.total"), labels.get("scoring.col.rank"), labels.get("scoring.col.adjustments"),
                labels.get("scoring.col.appeals"), labels.get("scoring.col.issuedAt"),
                labels.get("scoring.col.verification"), labels.get("scoring.col.inputHash")), rows,
                labels.get("table.cards.note"), ScoringLinks.cardsExport(kind, period, rubric), null);
    }

    /**
     * The score cards issued for a period as one sheet: each card's numbers as issued (with every indicator's
     * points), its total now, its adjustments and appeals, and its input hash.
     */
    public Table cardSheet(List<ScoreCardView> cards, RubricView rubric, ScoredSubjectKind kind, String period) {
        List<RubricIndicator> indicators = rubric.indicatorsFor(kind);
        List<String> headers = new ArrayList<>(List.of(labels.get("scoring.col.subject"),
                labels.get("scoring.col.period"), labels.get("scoring.col.rubric"), labels.get("scoring.col.base"),
                labels.get("scoring.col.penalty"), labels.get("scoring.col.issuedTotal"),
                labels.get("scoring.col.total"), labels.get("scoring.col.rank")));
        indicators.forEach(indicator -> headers.add(labels.get("scoring.col.indicator", indicator.name(),
                number(indicator.weight()))));
        headers.addAll(List.of(labels.get("scoring.col.adjustments"), labels.get("scoring.col.appeals"),
                labels.get("scoring.col.issuedBy"), labels.get("scoring.col.issuedAt"),
                labels.get("scoring.col.inputHash")));
        List<List<Cell>> rows = new ArrayList<>();
        for (ScoreCardView card : cards) {
            List<Cell> row = new ArrayList<>(List.of(
                    Cell.text(card.subjectName()),
                    Cell.text(card.period()),
                    Cell.count(card.rubricVersion(), null),
                    points(card.baseScore(), null),
                    points(card.penaltyPoints(), null),
                    points(card.issuedTotal(), null),
                    points(card.totalScore(), null),
                    card.rank() == null ? Cell.text("") : Cell.count(card.rank(), null)));
            for (RubricIndicator indicator : indicators) {
                row.add(card.indicators().stream().filter(i -> i.code().equals(indicator.code())).findFirst()
                        .map(i -> i.applicable() ? points(i.points(), null)
                                : Cell.noFigure(labels.get("scoring.notApplicable")))
                        .orElse(Cell.text("")));
            }
            long open = card.appeals().stream().filter(appeal -> appeal.outcome() == null).count();
            row.addAll(List.of(
                    Cell.count(card.adjustments().size(), null),
                    Cell.text(labels.get("scoring.appeals", card.appeals().size(), open)),
                    Cell.text(card.issuedBy()),
                    Cell.dateTime(LocalDateTime.ofInstant(card.issuedAt(), BEIJING)),
                    Cell.text(card.inputHash())));
            rows.add(row);
        }
        return new Table("cards", labels.get("table.cards.title"), headers, rows, labels.get("table.cards.note"),
                ScoringLinks.cardsExport(kind, period, rubric.version()), null);
    }

    /** The inspection team's adjustments of a card. */
    public Table adjustments(ScoreCardView card) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ScoreCardView.Adjustment adjustment : card.adjustments()) {
            rows.add(List.of(
                    Cell.dateTime(LocalDateTime.ofInstant(adjustment.adjustedAt(), BEIJING)),
                    Cell.text(indicatorName(card, adjustment.indicatorCode())),
                    points(adjustment.pointsDelta(), null),
                    Cell.text(adjustment.reason()),
                    Cell.text(String.join(labels.get("list.separator"), adjustment.evidence())),
                    Cell.text(adjustment.inspector()),
                    points(adjustment.totalAfter(), null)));
        }
        return new Table("adjustments", labels.get("table.adjustments.title"), List.of(labels.get("scoring.col.at"),
                labels.get("scoring.col.name"), labels.get("scoring.col.delta"), labels.get("scoring.col.reason"),
                labels.get("scoring.col.evidence"), labels.get("scoring.col.inspector"),
                labels.get("scoring.col.totalAfter")), rows, null, null, null);
    }

    /** The appeals against a card with their decisions. */
    public Table appeals(ScoreCardView card) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ScoreCardView.Appeal appeal : card.appeals()) {
            rows.add(List.of(
                    Cell.dateTime(LocalDateTime.ofInstant(appeal.lodgedAt(), BEIJING)),
                    Cell.text(indicatorName(card, appeal.indicatorCode())),
                    Cell.text(appeal.grounds()),
                    Cell.text(String.join(labels.get("list.separator"), appeal.evidence())),
                    Cell.text(appeal.appellant()),
                    Cell.text(appeal.outcome() == null ? labels.get("scoring.appeal.open")
                            : labels.of("scoring.appeal", appeal.outcome())),
                    appeal.pointsDelta() == null ? Cell.text("") : points(appeal.pointsDelta(), null),
                    Cell.text(appeal.decisionReason() == null ? "" : appeal.decisionReason()),
                    Cell.text(appeal.decidedBy() == null ? "" : appeal.decidedBy())));
        }
        return new Table("appeals", labels.get("table.appeals.title"), List.of(labels.get("scoring.col.at"),
                labels.get("scoring.col.name"), labels.get("scoring.col.grounds"), labels.get("scoring.col.evidence"),
                labels.get("scoring.col.appellant"), labels.get("scoring.col.outcome"),
                labels.get("scoring.col.delta"), labels.get("scoring.col.reason"),
                labels.get("scoring.col.inspector")), rows, null, null, null);
    }

    // ---- cells -------------------------------------------------------------------------------------------------

    /** Where an item leads: a bundle case's page, the case list of a bundle, or a campaign record as the API shows it. */
    private static String itemHref(CountedItem item, SubjectScore score) {
        return switch (item.kind()) {
            case BUNDLE_CASE, COMPLAINT -> Links.caseDetail(item.caseId());
            case BUNDLE -> {
                CaseFilter.Builder cases = CaseFilter.builder().bundle(item.id()).to(score.to());
                yield Links.cases(score.subjectKind() == ScoredSubjectKind.COUNTY
                        ? cases.division(score.subjectCode()).build() : cases.leadUnit(score.subjectCode()).build());
            }
            case CLUE -> FundraisingLinks.clue(item.id());
            case DISPOSAL_CASE, PETITION, LEGACY_CASE -> item.caseId() == null ? null
                    : FundraisingLinks.caseJson(item.caseId());
        };
    }

    private String indicatorName(ScoreCardView card, String code) {
        if (code == null) {
            return labels.get("scoring.wholeCard");
        }
        return card.indicators().stream().filter(i -> i.code().equals(code)).findFirst()
                .map(ScoreCardView.CardIndicator::name).orElse(code);
    }

    /** An indicator's value in its unit: a share as a percentage, days and ratings with two decimals. */
    private static Cell value(IndicatorMeasure measure, BigDecimal value) {
        if (value == null) {
            return Cell.text("");
        }
        return measure != null && measure.unit() == IndicatorMeasure.ValueUnit.RATIO
                ? new Cell(Cell.Kind.PERCENT, value.doubleValue(), null)
                : Cell.decimal2(value.doubleValue(), null);
    }

    private static Cell points(BigDecimal points, String href) {
        return Cell.decimal2(points == null ? null : points.doubleValue(), href);
    }

    private static Cell decimal(BigDecimal value) {
        if (value == null) {
            return Cell.text("");
        }
        return value.stripTrailingZeros().scale() <= 0 ? Cell.count(value.longValue(), null)
                : Cell.decimal2(value.doubleValue(), null);
    }

    private static String figures(BigDecimal numerator, BigDecimal denominator) {
        return number(numerator) + " / " + number(denominator);
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
