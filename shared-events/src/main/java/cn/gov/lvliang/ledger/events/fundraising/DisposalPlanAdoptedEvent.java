package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The disposal plan of the case was adopted.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param responsiblePerson the official answerable for it
 * @param summary the plan in brief
 * @param milestones its milestones, numbered from 1
 * @param businessTime when it happened in business terms
 */
@Revision("1")
public record DisposalPlanAdoptedEvent(
        String caseId,
        String actingUnit,
        ResponsiblePerson responsiblePerson,
        String summary,
        List<PlanMilestone> milestones,
        Instant businessTime) implements DisposalCaseEvent {

    public DisposalPlanAdoptedEvent {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }
}
