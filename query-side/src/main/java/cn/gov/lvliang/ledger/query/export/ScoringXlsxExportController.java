package cn.gov.lvliang.ledger.query.export;

import cn.gov.lvliang.ledger.events.scoring.ScoredSubjectKind;
import cn.gov.lvliang.ledger.events.scoring.ScoringPeriod;
import cn.gov.lvliang.ledger.query.scoring.DrilldownView;
import cn.gov.lvliang.ledger.query.scoring.RankingView;
import cn.gov.lvliang.ledger.query.scoring.RubricView;
import cn.gov.lvliang.ledger.query.scoring.ScoreCardSummary;
import cn.gov.lvliang.ledger.query.scoring.ScoreCardView;
import cn.gov.lvliang.ledger.query.scoring.Scoring;
import cn.gov.lvliang.ledger.query.scoring.SubjectScore;
import cn.gov.lvliang.ledger.query.web.Labels;
import cn.gov.lvliang.ledger.query.web.ScoringParams;
import cn.gov.lvliang.ledger.query.web.ScoringTables;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The scoring pages' tables as xlsx workbooks, built by the same code as the pages from the same parameters: the
 * ranking, the issued score cards of a period, a subject's indicators and an indicator's counted items.
 */
@Controller
class ScoringXlsxExportController {

    private final Scoring scoring;
    private final ScoringTables tables;
    private final Labels labels;
    private final XlsxDownloads downloads;

    ScoringXlsxExportController(Scoring scoring, ScoringTables tables, Labels labels, XlsxDownloads downloads) {
        this.scoring = scoring;
        this.tables = tables;
        this.labels = labels;
        this.downloads = downloads;
    }

    @GetMapping("/export/scoring/{kind:counties|lead-units}.xlsx")
    ResponseEntity<byte[]> ranking(@PathVariable String kind, ScoringParams params,
                                   @RequestParam(required = false) String division) {
        ScoredSubjectKind subjects = tables.kind(kind);
        ScoringPeriod period = tables.period(params.period());
        RankingView ranking = scoring.ranking(subjects, period, params.rubricVersion()).within(division);
        List<ScoreCardSummary> cards = scoring.cards(period.code(), subjects, ranking.rubricVersion(), division);
        return downloads.table(tables.ranking(ranking, cards), "scoring-" + kind + "-" + period.code(),
                about(period, ranking.rubricName()));
    }

    @GetMapping("/export/scoring/cards.xlsx")
    ResponseEntity<byte[]> cards(ScoringParams params, @RequestParam(required = false) String division) {
        ScoredSubjectKind subjects = tables.kind(params.kind());
        ScoringPeriod period = tables.period(params.period());
        RubricView rubric = scoring.rubric(params.rubricVersion());
        List<ScoreCardView> cards = scoring.cards(period.code(), subjects, rubric.version(), division).stream()
                .map(card -> scoring.card(card.cardId()))
                .flatMap(Optional::stream)
                .toList();
        return downloads.table(tables.cardSheet(cards, rubric, subjects, period.code()),
                "score-cards-" + period.code(), about(period, rubric.name()));
    }

    @GetMapping("/export/scoring/{kind:counties|lead-units}/{code}/indicators.xlsx")
    ResponseEntity<byte[]> indicators(@PathVariable String kind, @PathVariable String code, ScoringParams params) {
        ScoringPeriod period = tables.period(params.period());
        SubjectScore score = scoring.score(tables.kind(kind), code, period, params.rubricVersion());
        RubricView rubric = scoring.rubric(score.rubricVersion());
        return downloads.table(tables.indicators(ScoringTables.lines(score), rubric, score),
                "scoring-" + code + "-" + period.code(), about(period, rubric.name()));
    }

    @GetMapping("/export/scoring/{kind:counties|lead-units}/{code}/indicators/{indicator}.xlsx")
    ResponseEntity<byte[]> items(@PathVariable String kind, @PathVariable String code, @PathVariable String indicator,
                                 ScoringParams params) {
        ScoringPeriod period = tables.period(params.period());
        DrilldownView drilldown = scoring.drilldown(tables.kind(kind), code, period, params.rubricVersion(), indicator);
        return downloads.table(tables.items(drilldown), "scoring-" + code + "-" + indicator + "-" + period.code(),
                about(period, scoring.rubric(drilldown.score().rubricVersion()).name()));
    }

    private List<String[]> about(ScoringPeriod period, String rubricName) {
        return List.of(new String[] {labels.get("scoring.filter.period"), tables.periodName(period)},
                new String[] {labels.get("scoring.filter.rubric"), rubricName});
    }
}
