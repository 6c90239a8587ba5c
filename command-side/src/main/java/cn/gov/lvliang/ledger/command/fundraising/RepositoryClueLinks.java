package cn.gov.lvliang.ledger.command.fundraising;

import cn.gov.lvliang.ledger.events.fundraising.TakeClueIntoCaseCommand;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Loads each clue in the case's own unit of work and hands it {@link TakeClueIntoCaseCommand}, so that the clue
 * decides by its own command handler while the clues' events and the case's commit together or not at all. The
 * command is handled on the loaded aggregate rather than sent over the command bus: it is part of the case's request,
 * not a request of its own, and its events carry that request's id.
 */
@Component
class RepositoryClueLinks implements ClueLinks {

    private final Repository<RiskClue> clues;

    RepositoryClueLinks(Repository<RiskClue> clues) {
        this.clues = clues;
    }

    @Override
    public void takeIntoCase(String caseId, List<String> clueIds, String actingUnit, Instant businessTime) {
        for (String clueId : clueIds) {
            Aggregate<RiskClue> clue;
            try {
                clue = clues.load(clueId);
            } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
                // Unknown, or the id of another kind of aggregate.
                throw new IllegalArgumentException("clueIds: no risk clue " + clueId, e);
            }
            try {
                clue.handle(GenericCommandMessage.asCommandMessage(
                        new TakeClueIntoCaseCommand(clueId, caseId, actingUnit, businessTime)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Clue " + clueId + " could not be taken into case " + caseId, e);
            }
        }
    }
}
