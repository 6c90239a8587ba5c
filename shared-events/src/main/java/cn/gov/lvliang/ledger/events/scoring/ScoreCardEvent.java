package cn.gov.lvliang.ledger.events.scoring;

import java.time.Instant;

/**
 * A fact in the life of one score card (考核评分表): issued, adjusted by the inspection team, appealed by the assessed
 * county or unit, the appeal decided. Sealed, so that projections can switch over every kind.
 */
public sealed interface ScoreCardEvent permits
        ScoreCardIssuedEvent,
        ScoreCardAdjustedEvent,
        ScoreCardAppealLodgedEvent,
        ScoreCardAppealDecidedEvent {

    /** The card the fact belongs to. */
    String cardId();

    /** When the fact happened in business terms; Axon's message timestamp records when it was stored. */
    Instant businessTime();
}
