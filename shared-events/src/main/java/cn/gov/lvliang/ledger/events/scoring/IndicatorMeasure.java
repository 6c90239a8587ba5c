package cn.gov.lvliang.ledger.events.scoring;

/**
 * What the ledger counts for an indicator. Each measure is a fixed computation over the facts of one subject and
 * period, defined in docs/scoring.md; a rubric chooses measures and says how many points they are worth. A new
 * measure is new code, never a new meaning of an old name.
 */
public enum IndicatorMeasure {
    /** Cases concluded in the period that never went overdue, of all cases concluded in it (按期办结率). */
    ON_TIME_CONCLUSION_RATE(ScoringProgramme.ONE_THING, ValueUnit.RATIO),
    /** Cases concluded in the period with at most one visit in person, of all concluded in it (最多跑一次). */
    ONE_VISIT_SHARE(ScoringProgramme.ONE_THING, ValueUnit.RATIO),
    /** Materials recorded in the period that the applicant did not have to submit (免予提交), of all recorded. */
    WAIVED_MATERIALS_SHARE(ScoringProgramme.ONE_THING, ValueUnit.RATIO),
    /** Complaints (办不成事反映) resolved in the period, of those in hand in it (open at its start or lodged in it). */
    COMPLAINT_RESOLUTION_RATE(ScoringProgramme.ONE_THING, ValueUnit.RATIO),
    /** Calendar days from lodging to resolution, on average over the complaints resolved in the period. */
    COMPLAINT_RESOLUTION_DAYS(ScoringProgramme.ONE_THING, ValueUnit.DAYS),
    /** The applicants' average rating (好差评, 1 to 5) of the ratings given in the period. */
    AVERAGE_RATING(ScoringProgramme.ONE_THING, ValueUnit.SCORE),
    /** Cases refused acceptance (不予受理) in the period, of all accepted or refused in it. */
    ACCEPTANCE_REFUSAL_RATE(ScoringProgramme.ONE_THING, ValueUnit.RATIO),
    /** Bundles of the period's yearly list with a case by the period's end, of the subject's bundles on that list. */
    BUNDLES_IN_OPERATION_RATE(ScoringProgramme.ONE_THING, ValueUnit.RATIO),
    /** Risk clues verified in time, of those verified in the period or overdue and unverified at its end. */
    CLUE_VERIFICATION_ON_TIME_RATE(ScoringProgramme.FUNDRAISING, ValueUnit.RATIO),
    /** Disposal cases (not legacy) closed by the period's end, of those opened by then (存量结案率). */
    CASE_CLOSURE_RATE(ScoringProgramme.FUNDRAISING, ValueUnit.RATIO),
    /** Legacy cases (陈案积案) closed by the period's end, of the county's legacy cases (化解率, target 100%). */
    LEGACY_CASE_RESOLUTION_RATE(ScoringProgramme.FUNDRAISING, ValueUnit.RATIO),
    /** Recovered money, of the involved amount of the cases with an estimate, as at the period's end (追赃控赃覆盖率). */
    RECOVERY_COVERAGE(ScoringProgramme.FUNDRAISING, ValueUnit.RATIO),
    /** Money refunded to participants, of the money recovered, as at the period's end (清退). */
    REFUND_RATIO(ScoringProgramme.FUNDRAISING, ValueUnit.RATIO),
    /** Petitions (信访) handled in the period, of those in hand in it (open at its start or received in it). */
    PETITION_HANDLING_RATE(ScoringProgramme.FUNDRAISING, ValueUnit.RATIO);

    private final ScoringProgramme programme;
    private final ValueUnit unit;

    IndicatorMeasure(ScoringProgramme programme, ValueUnit unit) {
        this.programme = programme;
        this.unit = unit;
    }

    /** The programme whose facts it counts. */
    public ScoringProgramme programme() {
        return programme;
    }

    /** What the measure's value is. */
    public ValueUnit unit() {
        return unit;
    }

    /** The kind of number a measure gives. */
    public enum ValueUnit {
        /** A share between 0 and 1, four decimals. */
        RATIO,
        /** A number of calendar days, two decimals. */
        DAYS,
        /** An average rating between 1 and 5, two decimals. */
        SCORE
    }
}
