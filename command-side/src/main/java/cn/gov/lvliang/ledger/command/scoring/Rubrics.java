package cn.gov.lvliang.ledger.command.scoring;

import cn.gov.lvliang.ledger.command.fundraising.CampaignCalendar;
import cn.gov.lvliang.ledger.command.infra.VersionedDataFile;
import cn.gov.lvliang.ledger.events.scoring.CurveKind;
import cn.gov.lvliang.ledger.events.scoring.CurveStep;
import cn.gov.lvliang.ledger.events.scoring.PenaltyRule;
import cn.gov.lvliang.ledger.events.scoring.PublishScoringRubricCommand;
import cn.gov.lvliang.ledger.events.scoring.RubricIndicator;
import cn.gov.lvliang.ledger.events.scoring.RubricPenalty;
import cn.gov.lvliang.ledger.events.scoring.ScoreDirection;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringCurve;
import cn.gov.lvliang.ledger.events.scoring.ScoringProgramme;
import cn.gov.lvliang.ledger.events.scoring.ScoringRubricPublishedEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every version of the scoring rubric (考核评分细则), loaded from the data files {@code scoring/rubric-v<n>.json}. A
 * version, once published, is never edited: a change is a new file with the next number. Each file is checked at
 * start-up (weights add up to 100, curves point the indicator's way, the penalty's campaign end agrees with the
 * campaign calendar); a broken file fails the start-up and names itself.
 */
@Component
public class Rubrics {

    static final String LOCATION = "scoring/";
    private static final Pattern FILE_NAME = Pattern.compile("rubric-v(\\d+)\\.json");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<Integer, Version> versions;

    public Rubrics(ObjectMapper objectMapper, CampaignCalendar campaignCalendar) {
        ObjectMapper strict = objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<Integer, Version> loaded = new TreeMap<>();
        for (Resource resource : files()) {
            Matcher name = FILE_NAME.matcher(String.valueOf(resource.getFilename()));
            if (!name.matches()) {
                continue;
            }
            String path = LOCATION + resource.getFilename();
            VersionedDataFile<RubricFile> file = VersionedDataFile.read(strict, path, RubricFile.class);
            int version = Integer.parseInt(name.group(1));
            check(path, version, file.content(), campaignCalendar);
            loaded.put(version, new Version(file.content(), file.contentHash()));
        }
        if (loaded.isEmpty()) {
            throw new IllegalStateException("No scoring rubric under " + LOCATION);
        }
        this.versions = Collections.unmodifiableMap(loaded);
    }

    /** The versions in ascending order, as they are published. */
    public List<Integer> versions() {
        return List.copyOf(versions.keySet());
    }

    /** A version's indicators and penalties, if the version exists. */
    public Optional<RubricFile> version(int version) {
        return Optional.ofNullable(versions.get(version)).map(Version::content);
    }

    /** The command that publishes a version into the ledger. */
    public PublishScoringRubricCommand publishCommand(int version, Instant businessTime) {
        Version known = versions.get(version);
        if (known == null) {
            throw new IllegalArgumentException("rubricVersion: no rubric version " + version);
        }
        RubricFile content = known.content();
        return new PublishScoringRubricCommand(ScoringRubricPublishedEvent.RUBRIC_ID, version, known.contentHash(),
                content.name(), content.source(), content.indicators(), content.penalties(), businessTime);
    }

    private static Resource[] files() {
        try {
            return new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "rubric-v*.json");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the scoring rubrics", e);
        }
    }

    static void check(String path, int version, RubricFile file, CampaignCalendar campaignCalendar) {
        Problems problems = new Problems(path);
        problems.require(file.version() == version, "says version " + file.version() + " but is named v" + version);
        problems.require(!file.indicators().isEmpty(), "has no indicators");
        Set<String> codes = new HashSet<>();
        BigDecimal weights = BigDecimal.ZERO;
        for (RubricIndicator indicator : file.indicators()) {
            String code = indicator.code();
            problems.require(code != null && codes.add(code), "indicator " + code + " has no code or appears twice");
            problems.require(indicator.name() != null && indicator.measure() != null && indicator.direction() != null
                    && indicator.curve() != null && indicator.basis() != null, "indicator " + code
                    + " lacks a name, measure, direction, curve or basis");
            problems.require(indicator.weight() != null && indicator.weight().signum() > 0,
                    "indicator " + code + " needs a positive weight");
            problems.require(!indicator.subjects().isEmpty(), "indicator " + code + " applies to no subject");
            problems.require(indicator.measure().programme() == ScoringProgramme.ONE_THING
                            || !indicator.subjects().contains(ScoredSubjectKind.LEAD_UNIT),
                    "indicator " + code + ": the campaign's facts belong to counties, not to lead units");
            checkCurve(problems, code, indicator.direction(), indicator.curve());
            weights = weights.add(indicator.weight());
        }
        problems.require(weights.compareTo(HUNDRED) == 0, "weights add up to " + weights + ", not 100");
        for (RubricPenalty penalty : file.penalties()) {
            String code = penalty.code();
            problems.require(code != null && codes.add(code), "penalty " + code + " has no code or appears twice");
            problems.require(penalty.name() != null && penalty.rule() != null && penalty.basis() != null
                    && !penalty.subjects().isEmpty(), "penalty " + code + " lacks a name, rule, subject or basis");
            problems.require(penalty.pointsEach() != null && penalty.pointsEach().signum() > 0
                    && penalty.maxPoints() != null && penalty.maxPoints().compareTo(penalty.pointsEach()) >= 0,
                    "penalty " + code + " needs positive points each, and a maximum of at least that");
            if (penalty.rule() == PenaltyRule.MAJOR_CASE_AFTER_CAMPAIGN_HANDLED_POORLY) {
                problems.require(!penalty.subjects().contains(ScoredSubjectKind.LEAD_UNIT),
                        "penalty " + code + ": the campaign's cases belong to counties, not to lead units");
                problems.require(campaignCalendar.campaignTo().plusDays(1).equals(penalty.countsFrom()),
                        "penalty " + code + " counts from " + penalty.countsFrom() + ", not the day after the "
                                + "campaign (" + campaignCalendar.campaignTo() + ")");
                problems.require(penalty.determinationDays() > 0 && penalty.petitionDays() > 0,
                        "penalty " + code + " needs positive determination and petition days");
            }
        }
    }

    private static void checkCurve(Problems problems, String code, ScoreDirection direction, ScoringCurve curve) {
        if (curve == null || curve.kind() == null) {
            problems.require(false, "indicator " + code + " has no curve kind");
            return;
        }
        int better = direction == ScoreDirection.HIGHER_IS_BETTER ? 1 : -1;
        if (curve.kind() == CurveKind.LINEAR) {
            problems.require(curve.zeroAt() != null && curve.fullAt() != null
                            && curve.fullAt().compareTo(curve.zeroAt()) * better > 0,
                    "indicator " + code + ": a linear curve's fullAt must be better than its zeroAt");
            problems.require(curve.steps().isEmpty(), "indicator " + code + ": a linear curve has no steps");
            return;
        }
        problems.require(!curve.steps().isEmpty(), "indicator " + code + ": a step curve needs steps");
        CurveStep previous = null;
        for (CurveStep step : curve.steps()) {
            problems.require(step.reaching() != null && step.share() != null && step.share().signum() > 0
                    && step.share().compareTo(BigDecimal.ONE) <= 0, "indicator " + code
                    + ": every step needs a threshold and a share above 0 and at most 1");
            if (previous != null && step.reaching() != null && step.share() != null) {
                problems.require(previous.reaching().compareTo(step.reaching()) * better > 0
                                && previous.share().compareTo(step.share()) > 0,
                        "indicator " + code + ": steps go from the best threshold down, shares falling");
            }
            previous = step;
        }
    }

    /** The shape of a rubric data file. */
    public record RubricFile(int version, String name, String source, List<RubricIndicator> indicators,
                             List<RubricPenalty> penalties) {

        public RubricFile {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
            penalties = penalties == null ? List.of() : List.copyOf(penalties);
        }
    }

    private record Version(RubricFile content, String contentHash) {
    }

    private record Problems(String path) {

        void require(boolean condition, String problem) {
            if (!condition) {
                throw new IllegalStateException(path + ": " + problem);
            }
        }
    }
}
