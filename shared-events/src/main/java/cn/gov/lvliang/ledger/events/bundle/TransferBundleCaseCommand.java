package cn.gov.lvliang.ledger.events.bundle;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Moves the case to another hall for city-wide (全市通办) or cross-city (跨市通办) handling.
 *
 * @param caseId the case
 * @param toDivisionCode the division that takes the case over
 * @param toHallCode the hall that takes it over
 * @param mode city-wide or cross-city
 * @param reason why
 * @param businessTime when it happened in business terms
 */
public record TransferBundleCaseCommand(
        @TargetAggregateIdentifier String caseId,
        String toDivisionCode,
        String toHallCode,
        TransferMode mode,
        String reason,
        Instant businessTime) {
}
