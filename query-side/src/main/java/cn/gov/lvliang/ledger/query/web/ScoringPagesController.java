package cn.gov.lvliang.ledger.query.web;

import cn.gov.lvliang.ledger.events.scoring.ScoreCardIssuedEvent;
import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.scoring.DrilldownView;
import cn.gov.lvliang.ledger.query.scoring.RankingView;
import cn.gov.lvliang.ledger.query.scoring.RubricView;
import cn.gov.lvliang.ledger.query.scoring.ScoreCardSummary;
import cn.gov.lvliang.ledger.query.scoring.ScoreCardView;
import cn.gov.lvliang.ledger.query.scoring.Scoring;
import cn.gov.lvliang.ledger.query.scoring.SubjectScore;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inspection teams' pages (考核评分): the ranking of counties or lead units for a period with a chart of the
 * totals, each subject's score with a radar of its indicators, each indicator down to what it counted, and a printable
 * score card (the issued card when there is one, otherwise the score as computed, marked as not issued).
 */
@Controller
class ScoringPagesController {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Scoring scoring;
    private final ScoringTables tables;

    ScoringPagesController(Scoring scoring, ScoringTables tables) {
        this.scoring = scoring;
        this.tables = tables;
    }

    @GetMapping("/scoring")
    String ranking(ScoringParams params, @RequestParam(required = false) String division, Model model) {
        ScoredSubjectKind kind = tables.kind(params.kind());
        ScoringPeriod period = tables.period(params.period());
        RankingView ranking = scoring.ranking(kind, period, params.rubricVersion()).within(division);
        List<ScoreCardSummary> cards = scoring.cards(period.code(), kind, ranking.rubricVersion(), division);
        choices(model, kind, period, ranking.rubricVersion());
        model.addAttribute("ranking", ranking);
        model.addAttribute("rankingTable", tables.ranking(ranking, cards));
        model.addAttribute("cardsTable", tables.cards(cards, kind, period.code(), ranking.rubricVersion()));
        return "scoring";
    }

    @GetMapping("/scoring/{kind:counties|lead-units}/{code}")
    String subject(@PathVariable String kind, @PathVariable String code, ScoringParams params, Model model) {
        SubjectScore score = score(kind, code, params);
        RubricView rubric = scoring.rubric(score.rubricVersion());
        choices(model, score.subjectKind(), tables.period(score.period()), score.rubricVersion());
        model.addAttribute("score", score);
        model.addAttribute("indicatorsTable", tables.indicators(ScoringTables.lines(score), rubric, score));
        model.addAttribute("penaltiesTable", tables.penalties(ScoringTables.penaltyLines(score)));
        Optional<ScoreCardView> card = card(score);
        model.addAttribute("card", card.orElse(null));
        model.addAttribute("issuedAt", card.map(issued -> beijing(issued.issuedAt())).orElse(null));
        card.ifPresent(issued -> {
            model.addAttribute("adjustmentsTable", tables.adjustments(issued));
            model.addAttribute("appealsTable", tables.appeals(issued));
        });
        links(model, score);
        return "scoring-subject";
    }

    @GetMapping("/scoring/{kind:counties|lead-units}/{code}/indicators/{indicator}")
    String drilldown(@PathVariable String kind, @PathVariable String code, @PathVariable String indicator,
                     ScoringParams params, Model model) {
        ScoringPeriod period = tables.period(params.period());
        DrilldownView drilldown = scoring.drilldown(tables.kind(kind), code, period, params.rubricVersion(),
                indicator);
        choices(model, drilldown.score().subjectKind(), period, drilldown.score().rubricVersion());
        model.addAttribute("drilldown", drilldown);
        model.addAttribute("itemsTable", tables.items(drilldown));
        links(model, drilldown.score());
        return "scoring-drilldown";
    }

    @GetMapping("/scoring/{kind:counties|lead-units}/{code}/print")
    String print(@PathVariable String kind, @PathVariable String code, ScoringParams params, Model model) {
        SubjectScore score = score(kind, code, params);
        RubricView rubric = scoring.rubric(score.rubricVersion());
        Optional<ScoreCardView> card = card(score);
        model.addAttribute("score", score);
        model.addAttribute("rubric", rubric);
        model.addAttribute("periodName", tables.periodName(tables.period(score.period())));
        model.addAttribute("card", card.orElse(null));
        model.addAttribute("issuedAt", card.map(issued -> beijing(issued.issuedAt())).orElse(null));
        if (card.isPresent()) {
            ScoreCardView issued = card.get();
            model.addAttribute("indicatorsTable", tables.indicators(issued.indicators(), rubric, null));
            model.addAttribute("penaltiesTable", tables.penalties(issued.penalties()));
            model.addAttribute("adjustmentsTable", tables.adjustments(issued));
            model.addAttribute("appealsTable", tables.appeals(issued));
            model.addAttribute("verification", scoring.verify(issued));
        } else {
            model.addAttribute("indicatorsTable", tables.indicators(ScoringTables.lines(score), rubric, null));
            model.addAttribute("penaltiesTable", tables.penalties(ScoringTables.penaltyLines(score)));
        }
        return "scorecard-print";
    }

    private static String beijing(Instant instant) {
        return MINUTES.format(instant.atZone(BusinessDay.ZONE));
    }

    private SubjectScore score(String kind, String code, ScoringParams params) {
        return scoring.score(tables.kind(kind), code, tables.period(params.period()), params.rubricVersion());
    }

    private Optional<ScoreCardView> card(SubjectScore score) {
        return scoring.card(ScoreCardIssuedEvent.cardId(score.subjectKind(), score.subjectCode(), score.period(),
                score.rubricVersion()));
    }

    /** The filter form's choices and the current ones. */
    private void choices(Model model, ScoredSubjectKind kind, ScoringPeriod period, int rubricVersion) {
        model.addAttribute("kind", ScoringLinks.segment(kind));
        model.addAttribute("period", period.code());
        model.addAttribute("periodName", tables.periodName(period));
        model.addAttribute("periods", tables.periods(period));
        model.addAttribute("rubrics", scoring.rubrics());
        model.addAttribute("rubricVersion", rubricVersion);
    }

    private static void links(Model model, SubjectScore score) {
        model.addAttribute("rankingHref", ScoringLinks.ranking(score.subjectKind(), score.period(),
                score.rubricVersion()));
        model.addAttribute("subjectHref", ScoringLinks.subject(score.subjectKind(), score.subjectCode(),
                score.period(), score.rubricVersion()));
        model.addAttribute("printHref", ScoringLinks.print(score.subjectKind(), score.subjectCode(), score.period(),
                score.rubricVersion()));
        model.addAttribute("inputsHref", ScoringLinks.inputsApi(score.subjectKind(), score.subjectCode(),
                score.period(), score.rubricVersion()));
        String cardId = ScoreCardIssuedEvent.cardId(score.subjectKind(), score.subjectCode(), score.period(),
                score.rubricVersion());
        model.addAttribute("verificationHref", ScoringLinks.verificationApi(cardId));
        model.addAttribute("auditTrailHref", ScoringLinks.auditTrail(cardId));
    }
}
