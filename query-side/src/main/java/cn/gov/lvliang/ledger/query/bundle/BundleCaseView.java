package cn.gov.lvliang.ledger.query.bundle;

import java.time.Instant;

/**
 * A bundle case as the query side shows it. Personal identifiers are masked.
 */
public record BundleCaseView(
        String caseId,
        String bundleCode,
        int catalogVersion,
        String applicantKind,
        String applicantName,
        String applicantIdMasked,
        String divisionCode,
        String hallCode,
        String channel,
        String windowCode,
        String status,
        Instant submittedAt,
        Instant recordedAt,
        long version) {
}
