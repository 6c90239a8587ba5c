package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.query.infra.PersonalDataMask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bundle-case read model: one row per case, written from the case's events and read by the query API.
 */
@Component
@ProcessingGroup(BundleCaseProjection.PROCESSING_GROUP)
class BundleCaseProjection {

    static final String PROCESSING_GROUP = "bundle-cases";

    private final JdbcClient jdbc;

    BundleCaseProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BundleCaseSubmittedEvent event, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        // Insert-if-absent in plain SQL that PostgreSQL and H2 share: a redelivered event changes nothing. One
        // segment owns a case, so no other writer races this statement for the same case.
        jdbc.sql("""
                        INSERT INTO bundle_case (case_id, bundle_code, catalog_version, applicant_kind, applicant_name,
                            applicant_id_masked, division_code, hall_code, channel, window_code, status,
                            submitted_at, recorded_at, last_event_sequence)
                        SELECT :caseId, :bundleCode, :catalogVersion, :applicantKind, :applicantName,
                            :applicantIdMasked, :divisionCode, :hallCode, :channel, :windowCode, 'SUBMITTED',
                            :submittedAt, :recordedAt, :sequence
                        WHERE NOT EXISTS (SELECT 1 FROM bundle_case WHERE case_id = :caseId)""")
                .param("caseId", event.caseId())
                .param("bundleCode", event.bundleCode())
                .param("catalogVersion", event.catalogVersion())
                .param("applicantKind", event.applicant().kind().name())
                .param("applicantName", event.applicant().name())
                .param("applicantIdMasked", PersonalDataMask.identifier(event.applicant().identifier()))
                .param("divisionCode", event.divisionCode())
                .param("hallCode", event.hallCode())
                .param("channel", event.channel().name())
                .param("windowCode", event.windowCode())
                .param("submittedAt", utc(event.businessTime()))
                .param("recordedAt", utc(recordedAt))
                .param("sequence", sequence)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM bundle_case").update();
    }

    @QueryHandler
    Optional<BundleCaseView> handle(FindBundleCaseQuery query) {
        return jdbc.sql("SELECT * FROM bundle_case WHERE case_id = :caseId")
                .param("caseId", query.caseId())
                .query(BundleCaseProjection::view)
                .optional();
    }

    private static BundleCaseView view(ResultSet row, int rowNumber) throws SQLException {
        return new BundleCaseView(
                row.getString("case_id"),
                row.getString("bundle_code"),
                row.getInt("catalog_version"),
                row.getString("applicant_kind"),
                row.getString("applicant_name"),
                row.getString("applicant_id_masked"),
                row.getString("division_code"),
                row.getString("hall_code"),
                row.getString("channel"),
                row.getString("window_code"),
                row.getString("status"),
                instant(row, "submitted_at"),
                instant(row, "recorded_at"),
                row.getLong("last_event_sequence"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
