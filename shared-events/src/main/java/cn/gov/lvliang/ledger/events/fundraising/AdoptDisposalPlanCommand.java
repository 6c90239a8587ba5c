package cn.gov.lvliang.ledger.events.fundraising;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead department adopts the disposal plan (处置方案) of a case: who answers for it, and the timetable and roadmap
 * (时间表、路线图) as milestones.
 *
 * @param caseId the disposal case
 * @param actingUnit the code of the unit that acted
 * @param responsiblePerson the official answerable for it
 * @param summary the plan's principles, organisation and steps in brief
 * @param milestones the milestones with their due dates, at least one
 * @param businessTime when it happened in business terms
 */
public record AdoptDisposalPlanCommand(
        @TargetAggregateIdentifier String caseId,
        String actingUnit,
        ResponsiblePerson responsiblePerson,
        String summary,
        List<PlannedMilestone> milestones,
        Instant businessTime) {

    public AdoptDisposalPlanCommand {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }
}
