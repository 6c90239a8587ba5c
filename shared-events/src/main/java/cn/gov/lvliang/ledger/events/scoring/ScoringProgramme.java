package cn.gov.lvliang.ledger.events.scoring;

/** Which programme an indicator assesses. */
public enum ScoringProgramme {
    /** "高效办成一件事", 吕政发〔2024〕9号: the bundle cases. */
    ONE_THING,
    /** 打击非法集资专项行动, 吕政办发〔2024〕20号: risk clues and disposal cases. */
    FUNDRAISING
}
