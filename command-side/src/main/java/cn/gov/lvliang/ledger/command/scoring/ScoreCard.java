package cn.gov.lvliang.ledger.command.scoring;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.gov.lvliang.ledger.command.infra.AggregateCacheConfiguration;
import cn.gov.lvliang.ledger.command.infra.BusinessTimePolicy;
import cn.gov.lvliang.ledger.command.infra.CaseStateException;
import cn.gov.lvliang.ledger.command.infra.OutOfScopeException;
import cn.gov.lvliang.ledger.command.infra.UnitNotAllowedException;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.events.ActorMetadata;
import cn.gov.lvliang.ledger.events.reference.GovernmentUnit;
import cn.gov.lvliang.ledger.events.scoring.AdjustScoreCardCommand;
import cn.gov.lvliang.ledger.events.scoring.AppealOutcome;
import cn.gov.lvliang.ledger.events.scoring.DecideScoreCardAppealCommand;
import cn.gov.lvliang.ledger.events.scoring.IssueScoreCardCommand;
import cn.gov.lvliang.ledger.events.scoring.LodgeScoreCardAppealCommand;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardAdjustedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardAppealDecidedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardAppealLodgedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoredIndicator;
import cn.gov.lvliang.ledger.events.scoring.ScoredPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.security.LedgerRole;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One score card (考核评分表): the score of a county or lead unit for one period under one rubric version, issued by
 * the inspection team with the numbers the query side computed from the ledger and the hash of the facts behind them
 * (docs/scoring.md, "Score cards"). Once issued its numbers are frozen; what follows are facts of their own: the
 * team's adjustments with reasons and evidence, and the assessed subject's appeals with their decisions.
 *
 * <p>The command side cannot compute a score (the facts are the query side's read models). It checks what it can:
 * the subject, the period (ended), the rubric version and that the card names exactly its indicators and
 * penalties with points within their bounds, and that the total follows from the base and the deductions. Whether
 * the numbers are the ones the ledger gives is checked on the query side by computing the card again and comparing
 * its input hash.
 */
@Aggregate(cache = AggregateCacheConfiguration.CACHE)
class ScoreCard {

    static final int POINTS_SCALE = 2;
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final ZoneId LVLIANG = ZoneId.of("Asia/Shanghai");
    /** Who speaks for an assessed county: its supervision office, or its government office (县政府办). */
    private static final Set<LedgerRole> COUNTY_APPELLANTS = Set.of(LedgerRole.SUPERVISOR, LedgerRole.CAMPAIGN_OFFICER);
    /** Who speaks for an assessed lead unit: its own staff. */
    private static final Set<LedgerRole> UNIT_APPELLANTS = Set.of(LedgerRole.WINDOW_CLERK, LedgerRole.UNIT_OFFICER);

    @AggregateIdentifier
    private String cardId;
    private boolean issued;
    private ScoredSubjectKind subjectKind;
    private String subjectCode;
    private String subjectDivision;
    private String inputHash;
    private BigDecimal issuedTotal;
    private BigDecimal total;
    private Set<String> indicatorCodes = Set.of();
    private final Map<String, Boolean> appealsDecided = new HashMap<>();
    private final Set<String> adjustments = new HashSet<>();

    /** Answers whether the card was issued now ({@code false}: it already was, with the same hash and total). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(IssueScoreCardCommand command, @MetaDataValue(ActorMetadata.USER) String user, Rubrics rubrics,
                   ReferenceData referenceData, BusinessTimePolicy businessTime, Clock clock) {
        if (issued) {
            if (inputHash.equals(command.inputHash()) && sameNumber(issuedTotal, command.totalScore())) {
                return false;
            }
            throw new CaseStateException("ISSUED", "issued-cards-are-frozen", "Score card " + cardId + " was issued "
                    + "with input hash " + inputHash + " and total " + issuedTotal + "; it is frozen. Adjust it, or "
                    + "score under a new rubric version");
        }
        businessTime.check(command.businessTime());
        ScoringPeriod period = ScoringPeriod.parse(command.period());
        require(period.from().equals(command.periodFrom()) && period.to().equals(command.periodTo()),
                "periodFrom: the period " + period + " runs from " + period.from() + " to " + period.to());
        require(command.subjectKind() != null, "subjectKind: must not be null");
        String division = subjectDivision(command.subjectKind(), command.subjectCode(), referenceData);
        require(Objects.equals(division, command.subjectDivision()), "subjectDivision: " + command.subjectCode()
                + " belongs to " + division);
        require(ScoreCardIssuedEvent.cardId(command.subjectKind(), command.subjectCode(), period.code(),
                command.rubricVersion()).equals(command.cardId()), "cardId: does not name this subject, period and "
                + "rubric version");
        Rubrics.RubricFile rubric = rubrics.version(command.rubricVersion()).orElseThrow(() ->
                new IllegalArgumentException("rubricVersion: no rubric version " + command.rubricVersion()));
        require(command.inputHash() != null && SHA_256.matcher(command.inputHash()).matches(),
                "inputHash: must be 64 lower-case hex digits (SHA-256)");
        checkIndicators(command, rubric);
        BigDecimal deducted = checkPenalties(command, rubric);
        checkTotals(command, deducted);
        LocalDate today = clock.instant().atZone(LVLIANG).toLocalDate();
        if (!today.isAfter(period.to())) {
            throw new CaseStateException("PERIOD_RUNNING", "issue-after-the-period",
                    "The period " + period + " ends on " + period.to() + "; its card is issued after it ends");
        }
        apply(new ScoreCardIssuedEvent(command.cardId(), command.subjectKind(), command.subjectCode(),
                command.subjectName(), division, period.code(), period.from(), period.to(),
                command.rubricVersion(), command.inputHash(), command.indicators(), command.penalties(),
                command.baseScore(), command.penaltyPoints(), command.totalScore(), command.rank(),
                command.rankedAmong(), user, command.businessTime()));
        return true;
    }

    /** Answers the adjustment's id. */
    @CommandHandler
    String handle(AdjustScoreCardCommand command, @MetaDataValue(ActorMetadata.USER) String user,
                BusinessTimePolicy businessTime) {
        require(command.adjustmentId() != null && !adjustments.contains(command.adjustmentId()),
                "adjustmentId: missing or already used");
        businessTime.check(command.businessTime());
        requireIndicator(command.indicatorCode());
        BigDecimal delta = points(command.pointsDelta(), "pointsDelta");
        require(delta.signum() != 0, "pointsDelta: an adjustment changes the score");
        requireText(command.reason(), "reason");
        require(!command.evidence().isEmpty() && command.evidence().stream().noneMatch(ScoreCard::blank),
                "evidence: an adjustment names its evidence");
        BigDecimal after = within(total.add(delta), "pointsDelta");
        apply(new ScoreCardAdjustedEvent(cardId, command.adjustmentId(), command.indicatorCode(), delta,
                command.reason(), command.evidence(), user, after, command.businessTime()));
        return command.adjustmentId();
    }

    /** Answers the appeal's id. */
    @CommandHandler
    String handle(LodgeScoreCardAppealCommand command, CommandMessage<?> message, BusinessTimePolicy businessTime) {
        requireAppellant(message);
        require(command.appealId() != null && !appealsDecided.containsKey(command.appealId()),
                "appealId: missing or already used");
        businessTime.check(command.businessTime());
        requireIndicator(command.indicatorCode());
        requireText(command.grounds(), "grounds");
        require(command.evidence().stream().noneMatch(ScoreCard::blank), "evidence: no blank entries");
        apply(new ScoreCardAppealLodgedEvent(cardId, command.appealId(), command.indicatorCode(), command.grounds(),
                command.evidence(), String.valueOf(message.getMetaData().get(ActorMetadata.USER)),
                (String) message.getMetaData().get(ActorMetadata.UNIT), command.businessTime()));
        return command.appealId();
    }

    @CommandHandler
    void handle(DecideScoreCardAppealCommand command, @MetaDataValue(ActorMetadata.USER) String user,
                BusinessTimePolicy businessTime) {
        Boolean decided = appealsDecided.get(command.appealId());
        require(decided != null, "appealId: card " + cardId + " has no appeal " + command.appealId());
        if (decided) {
            throw new CaseStateException("DECIDED", "appeals-are-decided-once",
                    "Appeal " + command.appealId() + " against card " + cardId + " was already decided");
        }
        businessTime.check(command.businessTime());
        require(command.outcome() != null, "outcome: must not be null");
        BigDecimal delta = command.pointsDelta() == null ? BigDecimal.ZERO.setScale(POINTS_SCALE)
                : points(command.pointsDelta(), "pointsDelta");
        require(command.outcome() == AppealOutcome.GRANTED || delta.signum() == 0,
                "pointsDelta: a dismissed appeal leaves the score as it is");
        requireText(command.reason(), "reason");
        BigDecimal after = within(total.add(delta), "pointsDelta");
        apply(new ScoreCardAppealDecidedEvent(cardId, command.appealId(), command.outcome(), delta,
                command.reason(), user, after, command.businessTime()));
    }

    /**
     * A county-scoped user acts only on the cards of their own county (inspectors are city-wide); appeals have their
     * own rule ({@link #requireAppellant}).
     */
    @CommandHandlerInterceptor
    Object withinTheActorsCounty(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object actorDivision = command.getMetaData().get(ActorMetadata.DIVISION);
        boolean appeal = command.getPayload() instanceof LodgeScoreCardAppealCommand;
        if (issued && !appeal && actorDivision != null && !actorDivision.equals(subjectDivision)) {
            throw new OutOfScopeException(command.getMetaData().get(ActorMetadata.USER) + " works for county "
                    + actorDivision + "; this card is " + subjectCode + "'s");
        }
        return chain.proceed();
    }

    // ---- checks ------------------------------------------------------------------------------------------------

    /** The county a subject belongs to; a 400 for a subject the reference data does not know. */
    private static String subjectDivision(ScoredSubjectKind kind, String code, ReferenceData referenceData) {
        if (kind == ScoredSubjectKind.COUNTY) {
            require(referenceData.division(code).isPresent(), "subjectCode: no division " + code);
            return code;
        }
        GovernmentUnit unit = referenceData.unit(code).orElseThrow(() ->
                new IllegalArgumentException("subjectCode: no unit " + code));
        return unit.division();
    }

    private static void checkIndicators(IssueScoreCardCommand command, Rubrics.RubricFile rubric) {
        Map<String, RubricIndicator> expected = rubric.indicators().stream()
                .filter(indicator -> indicator.subjects().contains(command.subjectKind()))
                .collect(Collectors.toMap(RubricIndicator::code, indicator -> indicator));
        Set<String> given = command.indicators().stream().map(ScoredIndicator::code).collect(Collectors.toSet());
        require(given.equals(expected.keySet()) && given.size() == command.indicators().size(),
                "indicators: must be exactly the rubric's indicators for a " + command.subjectKind() + ", "
                        + expected.keySet().stream().sorted().toList());
        for (ScoredIndicator indicator : command.indicators()) {
            BigDecimal points = points(indicator.points(), "indicators." + indicator.code() + ".points");
            require(points.signum() >= 0 && points.compareTo(expected.get(indicator.code()).weight()) <= 0,
                    "indicators." + indicator.code() + ".points: must lie between 0 and its weight "
                            + expected.get(indicator.code()).weight());
            require(indicator.applicable() == (indicator.value() != null), "indicators." + indicator.code()
                    + ".value: an applicable indicator has a value, one that is not has none");
            require(indicator.applicable() || points.signum() == 0, "indicators." + indicator.code()
                    + ".points: an indicator that does not apply earns nothing");
        }
    }

    /** Checks the penalties and answers the points they deduct together. */
    private static BigDecimal checkPenalties(IssueScoreCardCommand command, Rubrics.RubricFile rubric) {
        Map<String, RubricPenalty> expected = rubric.penalties().stream()
                .filter(penalty -> penalty.subjects().contains(command.subjectKind()))
                .collect(Collectors.toMap(RubricPenalty::code, penalty -> penalty));
        Set<String> given = command.penalties().stream().map(ScoredPenalty::code).collect(Collectors.toSet());
        require(given.equals(expected.keySet()) && given.size() == command.penalties().size(),
                "penalties: must be exactly the rubric's penalties for a " + command.subjectKind() + ", "
                        + expected.keySet().stream().sorted().toList());
        BigDecimal deducted = BigDecimal.ZERO;
        for (ScoredPenalty penalty : command.penalties()) {
            BigDecimal points = points(penalty.points(), "penalties." + penalty.code() + ".points");
            require(points.signum() >= 0 && points.compareTo(expected.get(penalty.code()).maxPoints()) <= 0,
                    "penalties." + penalty.code() + ".points: must lie between 0 and its maximum "
                            + expected.get(penalty.code()).maxPoints());
            deducted = deducted.add(points);
        }
        return deducted;
    }

    private static void checkTotals(IssueScoreCardCommand command, BigDecimal deducted) {
        require(sameNumber(command.penaltyPoints(), deducted),
                "penaltyPoints: must be the penalties' points together, " + deducted);
        require(command.baseScore() != null && command.indicators().stream().anyMatch(ScoredIndicator::applicable),
                "baseScore: a subject with nothing to count has no score to issue");
        BigDecimal base = points(command.baseScore(), "baseScore");
        require(base.signum() >= 0 && base.compareTo(HUNDRED) <= 0, "baseScore: must lie between 0 and 100");
        BigDecimal total = base.subtract(deducted).max(BigDecimal.ZERO);
        require(sameNumber(command.totalScore(), total), "totalScore: must be the base less the deductions, not "
                + "below 0: " + total.setScale(POINTS_SCALE));
        require(command.rank() == null || (command.rankedAmong() != null && command.rank() >= 1
                && command.rank() <= command.rankedAmong()), "rank: must lie between 1 and rankedAmong");
    }

    /** The assessed county's supervision or government office, or the assessed lead unit's own staff. */
    private void requireAppellant(CommandMessage<?> message) {
        Object role = message.getMetaData().get(ActorMetadata.ROLE);
        Object user = message.getMetaData().get(ActorMetadata.USER);
        boolean allowed = subjectKind == ScoredSubjectKind.COUNTY
                ? subjectCode.equals(message.getMetaData().get(ActorMetadata.DIVISION))
                && COUNTY_APPELLANTS.stream().anyMatch(r -> r.name().equals(role))
                : subjectCode.equals(message.getMetaData().get(ActorMetadata.UNIT))
                && UNIT_APPELLANTS.stream().anyMatch(r -> r.name().equals(role));
        if (allowed) {
            return;
        }
        if (subjectKind == ScoredSubjectKind.COUNTY) {
            throw new OutOfScopeException(user + " does not speak for county " + subjectCode + ": its appeals are "
                    + "lodged by its own supervisors or government office");
        }
        throw new UnitNotAllowedException(String.valueOf(message.getMetaData().get(ActorMetadata.UNIT)),
                "appeal against the card of " + subjectCode, "only the unit's own staff appeal against its card");
    }

    private void requireIndicator(String code) {
        require(code == null || indicatorCodes.contains(code), "indicatorCode: card " + cardId
                + " has no indicator " + code);
    }

    /** The total after a change, refused when it would leave 0 to 100. */
    private static BigDecimal within(BigDecimal after, String field) {
        require(after.signum() >= 0 && after.compareTo(HUNDRED) <= 0, field + ": would take the total to " + after
                + ", outside 0 to 100");
        return after;
    }

    /** A number of points with at most two decimals, at scale two. */
    private static BigDecimal points(BigDecimal value, String field) {
        require(value != null, field + ": must not be null");
        require(value.stripTrailingZeros().scale() <= POINTS_SCALE, field + ": at most " + POINTS_SCALE
                + " decimals");
        return value.setScale(POINTS_SCALE);
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static void requireText(String value, String field) {
        require(!blank(value), field + ": must not be blank");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    // ---- state -------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ScoreCardIssuedEvent event) {
        cardId = event.cardId();
        issued = true;
        subjectKind = event.subjectKind();
        subjectCode = event.subjectCode();
        subjectDivision = event.subjectDivision();
        inputHash = event.inputHash();
        issuedTotal = event.totalScore();
        total = event.totalScore();
        indicatorCodes = event.indicators().stream().map(ScoredIndicator::code).collect(Collectors.toSet());
    }

    @EventSourcingHandler
    void on(ScoreCardAdjustedEvent event) {
        adjustments.add(event.adjustmentId());
        total = event.totalAfter();
    }

    @EventSourcingHandler
    void on(ScoreCardAppealLodgedEvent event) {
        appealsDecided.put(event.appealId(), false);
    }

    @EventSourcingHandler
    void on(ScoreCardAppealDecidedEvent event) {
        appealsDecided.put(event.appealId(), true);
        total = event.totalAfter();
    }

    // Axon creates the aggregate through this constructor, then applies its events or the creating command.
    ScoreCard() {
    }
}
