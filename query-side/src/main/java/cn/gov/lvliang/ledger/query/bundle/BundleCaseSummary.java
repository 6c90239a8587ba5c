package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of the case list: what supervisors scan and filter on. The fields mean what they mean in
 * {@link BundleCaseView}.
 */
public record BundleCaseSummary(
        String caseId,
        String bundleCode,
        String bundleName,
        String leadUnit,
        String leadUnitName,
        ApplicantKind applicantKind,
        String applicantName,
        String divisionCode,
        String divisionName,
        String hallCode,
        String hallName,
        Channel channel,
        CaseStatus status,
        boolean supplementPending,
        boolean atRisk,
        boolean overdue,
        Instant submittedAt,
        Instant acceptedAt,
        LocalDate dueDate,
        LocalDate atRiskFrom,
        Instant concludedAt,
        CaseOutcome outcome,
        int complaintsTotal,
        int complaintsResolved,
        Integer ratingScore,
        long lastEventSequence) {
}
