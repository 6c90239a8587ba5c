package cn.gov.lvliang.ledger.query.bundle;

import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.AssistanceKind;
import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.AssistanceRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptanceRefusedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseAcceptedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseConcludedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseTransferredEvent;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseWithdrawnEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseOutcome;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.bundle.ComplaintFollowedUpEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintLodgedEvent;
import cn.gov.lvliang.ledger.events.bundle.ComplaintResolvedEvent;
import cn.gov.lvliang.ledger.events.bundle.DeliveryMethod;
import cn.gov.lvliang.ledger.events.bundle.ItemApprovedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemBecameOverdueEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemDeadline;
import cn.gov.lvliang.ledger.events.bundle.ItemDispatchedEvent;
import cn.gov.lvliang.ledger.events.bundle.ItemRejectedEvent;
import cn.gov.lvliang.ledger.events.bundle.MaterialsRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.ResultDeliveredEvent;
import cn.gov.lvliang.ledger.events.bundle.ServiceRatedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementRequestedEvent;
import cn.gov.lvliang.ledger.events.bundle.SupplementSuppliedEvent;
import cn.gov.lvliang.ledger.events.bundle.TransferMode;
import cn.gov.lvliang.ledger.events.bundle.VisitPurpose;
import cn.gov.lvliang.ledger.events.bundle.VisitRecordedEvent;
import cn.gov.lvliang.ledger.events.bundle.WaivedMaterial;
import cn.gov.lvliang.ledger.events.bundle.WaiverBasis;
import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import cn.gov.lvliang.ledger.events.personaldata.PersonalDataErasedEvent;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.AssistanceView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ComplaintView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ItemStatus;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.ItemView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.MaterialDisposition;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.MaterialView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.RatingView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.SupplementView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.TransferView;
import cn.gov.lvliang.ledger.query.bundle.BundleCaseView.VisitView;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.DatabaseProduct;
import cn.gov.lvliang.ledger.query.infra.PersonalDataMask;
import cn.gov.lvliang.ledger.query.infra.StringLists;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RebuildableProjection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bundle-case read model: one row per case in {@code bundle_case}, with its items, materials, visits,
 * complaints, assistance, transfers and supplement requests in tables beside it. Written from every kind of
 * {@link BundleCaseEvent}, read by the case detail and the case list. The dashboards' counts in
 * {@code bundle_case_tally} move with the case rows, in the same transaction ({@link CaseTallies}).
 *
 * <p>Every write is idempotent through {@code bundle_case.last_event_sequence}: a handler first {@link #advance
 * advances} the case to its event's sequence, in the same statement as its update of the case row where it has one
 * ({@link #advancing}), and writes nothing (more) if the case was already there. Events of one case reach one segment
 * in order, so no other writer races a case.
 *
 * <p>Writes go through {@link #sql}, so that a rebuild can run a second instance of this class into shadow tables
 * beside the live ones (docs/audit-and-rebuild.md); the queries always read the live tables.
 */
@Component
@ProcessingGroup(BundleCaseProjection.PROCESSING_GROUP)
class BundleCaseProjection implements RebuildableProjection {

    static final String PROCESSING_GROUP = "bundle-cases";

    /** Every table of this read model, children before the case row they belong to. */
    static final List<String> TABLES = List.of(CaseTally.TABLE, "bundle_case_item", "bundle_case_material",
            "bundle_case_visit", "bundle_case_complaint", "bundle_case_assistance", "bundle_case_transfer",
            "bundle_case_supplement", "bundle_case");

    /** The columns a case's items get at its submission, and those of its materials. */
    private static final List<String> ITEM_COLUMNS = List.of("case_id", "seq", "name", "responsible_unit", "status");
    private static final List<String> MATERIAL_COLUMNS = List.of("case_id", "event_sequence", "position", "name",
            "disposition", "waiver_basis", "recorded_at");

    /** The at-risk rule, in SQL over {@code bundle_case c} and the parameter {@code :today}. */
    private static final String AT_RISK = "(c.status = 'ACCEPTED' AND NOT c.overdue AND NOT c.supplement_pending"
            + " AND c.at_risk_from <= :today)";
    private static final String AT_RISK_COLUMN = "CASE WHEN " + AT_RISK + " THEN TRUE ELSE FALSE END";

    /**
     * The case row with the names of its codes, each looked up by its reference table's key (null where it has
     * none). The bundle by a join, since it gives two names; the rest by subqueries rather than four more outer
     * joins: planning six tables took PostgreSQL 4.7 ms per list page at 580,000 cases, two tables 0.3 ms, and the
     * lookups run only for the rows a page shows.
     */
    private static final String CASE_WITH_NAMES = """
            SELECT c.*, %s AS at_risk, b.name AS bundle_name,
                   COALESCE((SELECT lu.name FROM reference_unit lu WHERE lu.code = c.lead_unit), b.lead_unit)
                       AS lead_unit_name,
                   (SELECT d.name FROM reference_division d WHERE d.code = c.division_code) AS division_name,
                   (SELECT h.name FROM reference_hall h WHERE h.code = c.hall_code) AS hall_name,
                   (SELECT w.name FROM reference_window w WHERE w.code = c.window_code) AS window_name
            FROM bundle_case c
            LEFT JOIN catalog_bundle b ON b.catalog_version = c.catalog_version AND b.code = c.bundle_code
            """.formatted(AT_RISK_COLUMN);

    /** Statuses in the order of a case's life, for sorting by status. */
    private static final String STATUS_ORDER = Arrays.stream(CaseStatus.values())
            .map(status -> "WHEN '" + status.name() + "' THEN " + status.ordinal())
            .collect(Collectors.joining(" ", "CASE c.status ", " END"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicantSubjects subjects;
    private final ProjectionTables tables;
    private final BooleanSupplier postgresql;
    private final CaseTallies tallies;

    @Autowired
    BundleCaseProjection(JdbcClient jdbc, Clock clock, ApplicantSubjects subjects) {
        this(jdbc, clock, subjects, ProjectionTables.LIVE);
    }

    private BundleCaseProjection(JdbcClient jdbc, Clock clock, ApplicantSubjects subjects, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.subjects = subjects;
        this.tables = tables;
        this.postgresql = DatabaseProduct.isPostgresqlOnce(jdbc);
        this.tallies = new CaseTallies(jdbc, tables, postgresql);
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object writingTo(ProjectionTables tables) {
        return new BundleCaseProjection(jdbc, clock, subjects, tables);
    }

    /** Every event of a case moves the dashboards' counts by what it changed in the case's rows. */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    Object tallying(EventMessage<?> event, InterceptorChain chain) throws Exception {
        if (event.getPayload() instanceof BundleCaseEvent caseEvent) {
            return tallies.around(caseEvent.caseId(), chain::proceed);
        }
        return chain.proceed();
    }

    // ---- the case's life -------------------------------------------------------------------------------------

    @EventHandler
    void on(BundleCaseSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // An erasure that committed after the event was decrypted, or is committing now, is seen here: the subject's
        // keys stay locked until this write commits, so the erasure's own update below cannot miss this row.
        Optional<String> subject = subjects.of(event.applicant());
        boolean erasedMeanwhile = subject.isPresent() && subjects.erasedLockingKeys(subject.get());
        Applicant applicant = erasedMeanwhile ? erased(event.applicant()) : event.applicant();
        // Insert-if-absent in plain SQL that PostgreSQL and H2 share: a redelivered submission changes nothing.
        int inserted = sql("""
                        INSERT INTO bundle_case (case_id, bundle_code, catalog_version, lead_unit, applicant_kind,
                            applicant_name, applicant_id_masked, applicant_phone_masked, applicant_subject,
                            division_code, hall_code, channel, window_code, status, submitted_at, first_recorded_at,
                            last_recorded_at, last_event_sequence)
                        SELECT :caseId, :bundleCode, :catalogVersion, :leadUnit, :applicantKind, :applicantName,
                            :applicantIdMasked, :applicantPhoneMasked, :applicantSubject, :divisionCode, :hallCode,
                            :channel, :windowCode, 'SUBMITTED', :submittedAt, :recordedAt, :recordedAt, :sequence
                        WHERE NOT EXISTS (SELECT 1 FROM bundle_case WHERE case_id = :caseId)""")
                .param("caseId", event.caseId())
                .param("bundleCode", event.bundleCode())
                .param("catalogVersion", event.catalogVersion())
                .param("leadUnit", event.leadUnit())
                .param("applicantKind", applicant.kind().name())
                .param("applicantName", applicant.name())
                .param("applicantIdMasked", PersonalDataMask.identifier(applicant.identifier()))
                .param("applicantPhoneMasked", PersonalDataMask.phone(applicant.phone()))
                .param("applicantSubject", erasedMeanwhile ? null : subject.orElse(null))
                .param("divisionCode", event.divisionCode())
                .param("hallCode", event.hallCode())
                .param("channel", event.channel().name())
                .param("windowCode", event.windowCode())
                .param("submittedAt", utc(event.businessTime()))
                .param("recordedAt", utc(recordedAt))
                .param("sequence", sequence)
                .update();
        if (inserted == 0) {
            return;
        }
        tables.insert(jdbc, "bundle_case_item", ITEM_COLUMNS, event.items().stream()
                .map(item -> new Object[] {event.caseId(), item.seq(), item.name(), item.responsibleUnit(),
                    ItemStatus.PENDING.name()})
                .toList());
    }

    @EventHandler
    void on(MaterialsRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, """
                        materials_submitted = materials_submitted + :submitted,
                        materials_waived = materials_waived + :waived""")
                .param("submitted", event.submitted().size())
                .param("waived", event.waived().size())
                .update() == 0) {
            return;
        }
        OffsetDateTime at = utc(event.businessTime());
        List<Object[]> materials = new ArrayList<>(event.submitted().size() + event.waived().size());
        for (String name : event.submitted()) {
            materials.add(new Object[] {event.caseId(), sequence, materials.size(), name,
                MaterialDisposition.SUBMITTED.name(), null, at});
        }
        for (WaivedMaterial waived : event.waived()) {
            materials.add(new Object[] {event.caseId(), sequence, materials.size(), waived.name(),
                MaterialDisposition.WAIVED.name(), waived.basis() == null ? null : waived.basis().name(), at});
        }
        tables.insert(jdbc, "bundle_case_material", MATERIAL_COLUMNS, materials);
    }

    @EventHandler
    void on(BundleCaseAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancing(event, sequence, recordedAt, """
                        status = 'ACCEPTED', accepted_at = :at, accepted_by = :unit,
                        time_limit_working_days = :limit, due_date = :dueDate, at_risk_from = :atRiskFrom""")
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("limit", event.timeLimitWorkingDays())
                .param("dueDate", event.dueDate())
                .param("atRiskFrom", event.atRiskFrom())
                .update();
    }

    @EventHandler
    void on(BundleCaseAcceptanceRefusedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // An ended case waits for nothing, so an outstanding supplement no longer pauses anything.
        advancing(event, sequence, recordedAt, """
                        status = 'REFUSED', refused_at = :at, refused_by = :unit, refusal_reason = :reason,
                        supplement_pending = FALSE""")
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(SupplementRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, "supplement_pending = TRUE").update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO bundle_case_supplement (case_id, event_sequence, requested_at, requested_by,
                            materials_requested, reason)
                        VALUES (:caseId, :sequence, :at, :unit, :materials, :reason)""")
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("materials", StringLists.toJson(event.materials()))
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(SupplementSuppliedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, """
                        supplement_pending = FALSE, paused_working_days = paused_working_days + :paused""")
                .param("paused", event.pausedWorkingDays())
                .update() == 0) {
            return;
        }
        // The running clocks moved by the paused days; a case not yet accepted has no due date to move.
        if (event.dueDate() != null) {
            sql("UPDATE bundle_case SET due_date = :dueDate WHERE case_id = :caseId")
                    .param("caseId", event.caseId())
                    .param("dueDate", event.dueDate())
                    .update();
        }
        if (event.atRiskFrom() != null) {
            sql("UPDATE bundle_case SET at_risk_from = :atRiskFrom WHERE case_id = :caseId")
                    .param("caseId", event.caseId())
                    .param("atRiskFrom", event.atRiskFrom())
                    .update();
        }
        for (ItemDeadline deadline : event.itemDeadlines()) {
            sql("UPDATE bundle_case_item SET due_date = :dueDate WHERE case_id = :caseId AND seq = :seq")
                    .param("caseId", event.caseId())
                    .param("seq", deadline.itemSeq())
                    .param("dueDate", deadline.dueDate())
                    .update();
        }
        sql("""
                        UPDATE bundle_case_supplement SET supplied_at = :at, materials_supplied = :materials,
                            paused_working_days = :paused
                        WHERE case_id = :caseId AND supplied_at IS NULL""")
                .param("caseId", event.caseId())
                .param("at", utc(event.businessTime()))
                .param("materials", StringLists.toJson(event.materials()))
                .param("paused", event.pausedWorkingDays())
                .update();
    }

    @EventHandler
    void on(ItemDispatchedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancingWith(event, sequence, recordedAt, """
                        UPDATE bundle_case_item SET status = 'DISPATCHED', dispatched_at = :at, dispatched_by = :unit,
                            responsible_unit = :responsibleUnit, time_limit_working_days = :limit,
                            due_date = :dueDate
                        WHERE case_id = :key AND seq = :seq""")
                .param("seq", event.itemSeq())
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("responsibleUnit", event.responsibleUnit())
                .param("limit", event.timeLimitWorkingDays())
                .param("dueDate", event.dueDate())
                .update();
    }

    @EventHandler
    void on(ItemApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancingWith(event, sequence, recordedAt, """
                        UPDATE bundle_case_item SET status = 'APPROVED', decided_at = :at, deciding_unit = :unit,
                            result = :result
                        WHERE case_id = :key AND seq = :seq""")
                .param("seq", event.itemSeq())
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("result", event.result())
                .update();
    }

    @EventHandler
    void on(ItemRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancingWith(event, sequence, recordedAt, """
                        UPDATE bundle_case_item SET status = 'REJECTED', decided_at = :at, deciding_unit = :unit,
                            rejection_reason = :reason
                        WHERE case_id = :key AND seq = :seq""")
                .param("seq", event.itemSeq())
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(AssistanceRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, "assistance_count = assistance_count + 1").update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO bundle_case_assistance (case_id, event_sequence, assistant, kind, steps,
                            assisted_at)
                        VALUES (:caseId, :sequence, :assistant, :kind, :steps, :at)""")
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("assistant", event.assistant())
                .param("kind", event.kind().name())
                .param("steps", StringLists.toJson(event.steps()))
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(VisitRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // The event numbers the visits, so its number is the count.
        if (advancing(event, sequence, recordedAt, "visit_count = :number")
                .param("number", event.visitNumber())
                .update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO bundle_case_visit (case_id, visit_number, hall_code, window_code, purpose,
                            visited_at)
                        VALUES (:caseId, :number, :hallCode, :windowCode, :purpose, :at)""")
                .param("caseId", event.caseId())
                .param("number", event.visitNumber())
                .param("hallCode", event.hallCode())
                .param("windowCode", event.windowCode())
                .param("purpose", event.purpose().name())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(BundleCaseConcludedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancing(event, sequence, recordedAt, """
                        status = 'CONCLUDED', concluded_at = :at, concluded_by = :unit, outcome = :outcome,
                        approved_items = :approved, rejected_items = :rejected, supplement_pending = FALSE""")
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("outcome", event.outcome().name())
                .param("approved", event.approvedItems())
                .param("rejected", event.rejectedItems())
                .update();
    }

    @EventHandler
    void on(ResultDeliveredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancing(event, sequence, recordedAt, "delivered_at = :at, delivery_method = :method")
                .param("at", utc(event.businessTime()))
                .param("method", event.method().name())
                .update();
    }

    @EventHandler
    void on(BundleCaseWithdrawnEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancing(event, sequence, recordedAt, """
                        status = 'WITHDRAWN', withdrawn_at = :at, withdrawal_reason = :reason,
                        supplement_pending = FALSE""")
                .param("at", utc(event.businessTime()))
                .param("reason", event.reason())
                .update();
    }

    @EventHandler
    void on(BundleCaseTransferredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, """
                        division_code = :toDivision, hall_code = :toHall, transfer_count = transfer_count + 1,
                        transferred_city_wide = (transferred_city_wide OR :cityWide),
                        transferred_cross_city = (transferred_cross_city OR :crossCity)""")
                .param("toDivision", event.toDivisionCode())
                .param("toHall", event.toHallCode())
                .param("cityWide", event.mode() == TransferMode.CITY_WIDE)
                .param("crossCity", event.mode() == TransferMode.CROSS_CITY)
                .update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO bundle_case_transfer (case_id, event_sequence, from_division_code, from_hall_code,
                            to_division_code, to_hall_code, mode, reason, transferred_at)
                        VALUES (:caseId, :sequence, :fromDivision, :fromHall, :toDivision, :toHall, :mode, :reason,
                            :at)""")
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("fromDivision", event.fromDivisionCode())
                .param("fromHall", event.fromHallCode())
                .param("toDivision", event.toDivisionCode())
                .param("toHall", event.toHallCode())
                .param("mode", event.mode().name())
                .param("reason", event.reason())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(ComplaintLodgedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, "complaints_total = complaints_total + 1").update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO bundle_case_complaint (complaint_id, case_id, content, lodged_at)
                        VALUES (:complaintId, :caseId, :content, :at)""")
                .param("caseId", event.caseId())
                .param("complaintId", event.complaintId())
                .param("content", event.content())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event, sequence, recordedAt)) {
            return;
        }
        sql("""
                        UPDATE bundle_case_complaint SET follow_ups = follow_ups + 1, last_note = :note,
                            last_followed_up_at = :at, last_follow_up_unit = :unit
                        WHERE case_id = :caseId AND complaint_id = :complaintId""")
                .param("caseId", event.caseId())
                .param("complaintId", event.complaintId())
                .param("note", event.note())
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .update();
    }

    @EventHandler
    void on(ComplaintResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, "complaints_resolved = complaints_resolved + 1").update() == 0) {
            return;
        }
        sql("""
                        UPDATE bundle_case_complaint SET resolved_at = :at, resolution = :resolution,
                            resolving_unit = :unit
                        WHERE case_id = :caseId AND complaint_id = :complaintId""")
                .param("caseId", event.caseId())
                .param("complaintId", event.complaintId())
                .param("at", utc(event.businessTime()))
                .param("resolution", event.resolution())
                .param("unit", event.actingUnit())
                .update();
    }

    @EventHandler
    void on(ServiceRatedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancing(event, sequence, recordedAt, """
                        rating_score = :score, rating_reasons = :reasons, rating_comment = :comment, rated_at = :at""")
                .param("score", event.score())
                .param("reasons", StringLists.toJson(event.reasons()))
                .param("comment", event.comment())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(BundleCaseBecameOverdueEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancing(event, sequence, recordedAt, "overdue = TRUE, overdue_at = :at")
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(ItemBecameOverdueEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancingWith(event, sequence, recordedAt, """
                        UPDATE bundle_case_item SET overdue = TRUE, overdue_at = :at
                        WHERE case_id = :key AND seq = :seq""")
                .param("seq", event.itemSeq())
                .param("at", utc(event.businessTime()))
                .update();
    }

    /**
     * A data subject's personal data was erased: the name, masked identifier and masked phone of the subject's cases
     * read as erased, as a rebuild from the events would now leave them. Cases recorded after the erasure are the
     * subject's new data under a new key and stay as they are.
     */
    @EventHandler
    void on(PersonalDataErasedEvent event, @Timestamp Instant recordedAt) {
        subjects.forget(event.subjectReference());
        if (event.subjectKind() != DataSubjectKind.APPLICANT) {
            return;
        }
        sql("""
                        UPDATE bundle_case SET applicant_name = :erased, applicant_id_masked = :erased,
                            applicant_phone_masked = CASE WHEN applicant_phone_masked IS NULL THEN NULL ELSE :erased END,
                            applicant_subject = NULL
                        WHERE applicant_subject = :subject AND first_recorded_at <= :recordedAt""")
                .param("erased", PersonalData.ERASED)
                .param("subject", event.subjectReference())
                .param("recordedAt", utc(recordedAt))
                .update();
    }

    @ResetHandler
    void reset() {
        tables.clear(jdbc, TABLES);
    }

    /**
     * Moves the case to the given event: true if the event is news for the case, false if it was applied before
     * (a redelivery or a replay over a live model), in which case the handler must write nothing. Also false for
     * a case whose submission the read model never saw.
     */
    private boolean advance(BundleCaseEvent event, long sequence, Instant recordedAt) {
        return tables.advance(jdbc, "bundle_case", "case_id", event.caseId(), sequence, recordedAt);
    }

    /**
     * An update of the case row that also {@link #advance advances} the case to the event, in one statement: it
     * writes only if the event is news for the case, and its {@code update()} answers 0 if it was not.
     */
    private JdbcClient.StatementSpec advancing(BundleCaseEvent event, long sequence, Instant recordedAt,
                                               String assignments) {
        return tables.advancing(jdbc, "bundle_case", "case_id", event.caseId(), sequence, recordedAt, assignments);
    }

    /**
     * An update of one of the case's rows in another table (an item's) that also {@link #advance advances} the case
     * to the event: it writes only if the event is news for the case. Its {@code WHERE} condition names the case
     * {@code :key}.
     */
    private JdbcClient.StatementSpec advancingWith(BundleCaseEvent event, long sequence, Instant recordedAt,
                                                   String write) {
        return tables.advancingWith(jdbc, postgresql.getAsBoolean(), "bundle_case", "case_id", event.caseId(),
                sequence, recordedAt, write);
    }

    /** The applicant as an erasure leaves it: the kind stays, the personal data reads as erased. */
    private static Applicant erased(Applicant applicant) {
        return new Applicant(applicant.kind(), PersonalData.ERASED, PersonalData.ERASED,
                applicant.phone() == null ? null : PersonalData.ERASED);
    }

    /** A write on the tables this instance writes: the live ones, or a rebuild's. */
    private JdbcClient.StatementSpec sql(String statement) {
        return tables.sql(jdbc, statement);
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    @QueryHandler
    Optional<BundleCaseView> handle(FindBundleCaseQuery query) {
        String caseId = query.caseId();
        // The lists first, so that no query runs while another's result set is open.
        Lists lists = new Lists(items(caseId), materials(caseId), visits(caseId), complaints(caseId),
                transfers(caseId), assistance(caseId), supplements(caseId));
        return jdbc.sql(CASE_WITH_NAMES + "WHERE c.case_id = :caseId")
                .param("caseId", caseId)
                .param("today", BusinessDay.today(clock))
                .query((row, rowNumber) -> detail(row, lists))
                .optional();
    }

    @QueryHandler
    BundleCasePage handle(ListBundleCasesQuery query) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        if (query.divisionCode() != null) {
            where.append(" AND c.division_code = :division");
            params.put("division", query.divisionCode());
        }
        if (query.bundleCode() != null) {
            where.append(" AND c.bundle_code = :bundle");
            params.put("bundle", query.bundleCode());
        }
        if (query.leadUnit() != null) {
            where.append(" AND c.lead_unit = :leadUnit");
            params.put("leadUnit", query.leadUnit());
        }
        if (!query.statuses().isEmpty()) {
            where.append(" AND c.status IN (:statuses)");
            params.put("statuses", query.statuses().stream().map(Enum::name).sorted().toList());
        }
        if (query.channel() != null) {
            where.append(" AND c.channel = :channel");
            params.put("channel", query.channel().name());
        }
        if (query.overdue() != null) {
            where.append(query.overdue() ? " AND c.overdue" : " AND NOT c.overdue");
        }
        if (query.atRisk() != null) {
            // The rule itself where it must hold, so that the status index finds the few open cases; the CASE form
            // where it must not, so that a case without an at-risk date counts as not at risk.
            where.append(" AND ").append(query.atRisk() ? AT_RISK : AT_RISK_COLUMN + " = FALSE");
        }
        if (query.from() != null) {
            where.append(" AND c.submitted_at >= :from");
            params.put("from", utc(BusinessDay.startOf(query.from())));
        }
        if (query.to() != null) {
            where.append(" AND c.submitted_at < :toExclusive");
            params.put("toExclusive", utc(BusinessDay.startOf(query.to().plusDays(1))));
        }
        // The at-risk column is selected on every page, so today is always bound (an unused parameter is fine).
        params.put("today", BusinessDay.today(clock));

        long total = query.knownTotal() != null ? query.knownTotal()
                : jdbc.sql("SELECT COUNT(*) FROM bundle_case c " + where)
                        .params(params)
                        .query(Long.class)
                        .single();
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<BundleCaseSummary> items = jdbc.sql(CASE_WITH_NAMES + where + " ORDER BY " + orderBy(query)
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query(BundleCaseProjection::summary)
                .list();
        return new BundleCasePage(items, query.page(), query.size(), total);
    }

    /** A fixed ORDER BY per sort key, never built from what the caller sent; ties are broken the same way always. */
    private static String orderBy(ListBundleCasesQuery query) {
        String direction = query.direction() == ListBundleCasesQuery.Direction.ASC ? "ASC" : "DESC";
        return switch (query.sort()) {
            case SUBMITTED_AT -> "c.submitted_at " + direction + ", c.case_id";
            case DUE_DATE -> "c.due_date " + direction + " NULLS LAST, c.submitted_at DESC, c.case_id";
            case STATUS -> STATUS_ORDER + " " + direction + ", c.submitted_at DESC, c.case_id";
        };
    }

    private static BundleCaseView detail(ResultSet row, Lists lists) throws SQLException {
        Integer ratingScore = row.getObject("rating_score", Integer.class);
        return new BundleCaseView(
                row.getString("case_id"),
                row.getString("bundle_code"),
                row.getString("bundle_name"),
                row.getInt("catalog_version"),
                row.getString("lead_unit"),
                row.getString("lead_unit_name"),
                enumOf(ApplicantKind.class, row.getString("applicant_kind")),
                row.getString("applicant_name"),
                row.getString("applicant_id_masked"),
                row.getString("applicant_phone_masked"),
                row.getString("division_code"),
                row.getString("division_name"),
                row.getString("hall_code"),
                row.getString("hall_name"),
                enumOf(Channel.class, row.getString("channel")),
                row.getString("window_code"),
                row.getString("window_name"),
                enumOf(CaseStatus.class, row.getString("status")),
                row.getBoolean("supplement_pending"),
                row.getBoolean("at_risk"),
                row.getBoolean("overdue"),
                instant(row, "submitted_at"),
                instant(row, "accepted_at"),
                row.getString("accepted_by"),
                row.getObject("time_limit_working_days", Integer.class),
                row.getObject("due_date", LocalDate.class),
                row.getObject("at_risk_from", LocalDate.class),
                row.getInt("paused_working_days"),
                instant(row, "overdue_at"),
                instant(row, "refused_at"),
                row.getString("refused_by"),
                row.getString("refusal_reason"),
                instant(row, "concluded_at"),
                row.getString("concluded_by"),
                enumOf(CaseOutcome.class, row.getString("outcome")),
                row.getObject("approved_items", Integer.class),
                row.getObject("rejected_items", Integer.class),
                instant(row, "delivered_at"),
                enumOf(DeliveryMethod.class, row.getString("delivery_method")),
                instant(row, "withdrawn_at"),
                row.getString("withdrawal_reason"),
                row.getInt("transfer_count"),
                row.getBoolean("transferred_city_wide"),
                row.getBoolean("transferred_cross_city"),
                row.getInt("visit_count"),
                row.getInt("materials_submitted"),
                row.getInt("materials_waived"),
                row.getInt("assistance_count"),
                row.getInt("complaints_total"),
                row.getInt("complaints_resolved"),
                ratingScore == null ? null : new RatingView(
                        ratingScore,
                        StringLists.fromJson(row.getString("rating_reasons")),
                        row.getString("rating_comment"),
                        instant(row, "rated_at")),
                instant(row, "first_recorded_at"),
                instant(row, "last_recorded_at"),
                row.getLong("last_event_sequence"),
                lists.items(),
                lists.materials(),
                lists.visits(),
                lists.complaints(),
                lists.transfers(),
                lists.assistance(),
                lists.supplements());
    }

    private List<ItemView> items(String caseId) {
        return jdbc.sql("""
                        SELECT i.*, u.name AS responsible_unit_name
                        FROM bundle_case_item i
                        LEFT JOIN reference_unit u ON u.code = i.responsible_unit
                        WHERE i.case_id = :caseId
                        ORDER BY i.seq""")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new ItemView(
                        row.getInt("seq"),
                        row.getString("name"),
                        row.getString("responsible_unit"),
                        row.getString("responsible_unit_name"),
                        enumOf(ItemStatus.class, row.getString("status")),
                        instant(row, "dispatched_at"),
                        row.getObject("time_limit_working_days", Integer.class),
                        row.getObject("due_date", LocalDate.class),
                        row.getBoolean("overdue"),
                        instant(row, "overdue_at"),
                        instant(row, "decided_at"),
                        row.getString("deciding_unit"),
                        row.getString("result"),
                        row.getString("rejection_reason")))
                .list();
    }

    private List<MaterialView> materials(String caseId) {
        return jdbc.sql("""
                        SELECT * FROM bundle_case_material WHERE case_id = :caseId
                        ORDER BY event_sequence, position""")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new MaterialView(
                        row.getString("name"),
                        enumOf(MaterialDisposition.class, row.getString("disposition")),
                        enumOf(WaiverBasis.class, row.getString("waiver_basis")),
                        instant(row, "recorded_at")))
                .list();
    }

    private List<VisitView> visits(String caseId) {
        return jdbc.sql("""
                        SELECT v.*, h.name AS hall_name
                        FROM bundle_case_visit v
                        LEFT JOIN reference_hall h ON h.code = v.hall_code
                        WHERE v.case_id = :caseId
                        ORDER BY v.visit_number""")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new VisitView(
                        row.getInt("visit_number"),
                        row.getString("hall_code"),
                        row.getString("hall_name"),
                        row.getString("window_code"),
                        enumOf(VisitPurpose.class, row.getString("purpose")),
                        instant(row, "visited_at")))
                .list();
    }

    private List<ComplaintView> complaints(String caseId) {
        return jdbc.sql("""
                        SELECT * FROM bundle_case_complaint WHERE case_id = :caseId
                        ORDER BY lodged_at, complaint_id""")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new ComplaintView(
                        row.getString("complaint_id"),
                        row.getString("content"),
                        instant(row, "lodged_at"),
                        row.getInt("follow_ups"),
                        row.getString("last_note"),
                        instant(row, "last_followed_up_at"),
                        row.getString("last_follow_up_unit"),
                        instant(row, "resolved_at"),
                        row.getString("resolution"),
                        row.getString("resolving_unit")))
                .list();
    }

    private List<TransferView> transfers(String caseId) {
        return jdbc.sql("""
                        SELECT t.*, fd.name AS from_division_name, td.name AS to_division_name,
                               th.name AS to_hall_name
                        FROM bundle_case_transfer t
                        LEFT JOIN reference_division fd ON fd.code = t.from_division_code
                        LEFT JOIN reference_division td ON td.code = t.to_division_code
                        LEFT JOIN reference_hall th ON th.code = t.to_hall_code
                        WHERE t.case_id = :caseId
                        ORDER BY t.event_sequence""")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new TransferView(
                        row.getString("from_division_code"),
                        row.getString("from_division_name"),
                        row.getString("from_hall_code"),
                        row.getString("to_division_code"),
                        row.getString("to_division_name"),
                        row.getString("to_hall_code"),
                        row.getString("to_hall_name"),
                        enumOf(TransferMode.class, row.getString("mode")),
                        row.getString("reason"),
                        instant(row, "transferred_at")))
                .list();
    }

    private List<AssistanceView> assistance(String caseId) {
        return jdbc.sql("SELECT * FROM bundle_case_assistance WHERE case_id = :caseId ORDER BY event_sequence")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new AssistanceView(
                        row.getString("assistant"),
                        enumOf(AssistanceKind.class, row.getString("kind")),
                        StringLists.fromJson(row.getString("steps")),
                        instant(row, "assisted_at")))
                .list();
    }

    private List<SupplementView> supplements(String caseId) {
        return jdbc.sql("SELECT * FROM bundle_case_supplement WHERE case_id = :caseId ORDER BY event_sequence")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new SupplementView(
                        instant(row, "requested_at"),
                        row.getString("requested_by"),
                        StringLists.fromJson(row.getString("materials_requested")),
                        row.getString("reason"),
                        instant(row, "supplied_at"),
                        row.getString("materials_supplied") == null ? null
                                : StringLists.fromJson(row.getString("materials_supplied")),
                        row.getObject("paused_working_days", Integer.class)))
                .list();
    }

    private static BundleCaseSummary summary(ResultSet row, int rowNumber) throws SQLException {
        return new BundleCaseSummary(
                row.getString("case_id"),
                row.getString("bundle_code"),
                row.getString("bundle_name"),
                row.getString("lead_unit"),
                row.getString("lead_unit_name"),
                enumOf(ApplicantKind.class, row.getString("applicant_kind")),
                row.getString("applicant_name"),
                row.getString("division_code"),
                row.getString("division_name"),
                row.getString("hall_code"),
                row.getString("hall_name"),
                enumOf(Channel.class, row.getString("channel")),
                enumOf(CaseStatus.class, row.getString("status")),
                row.getBoolean("supplement_pending"),
                row.getBoolean("at_risk"),
                row.getBoolean("overdue"),
                instant(row, "submitted_at"),
                instant(row, "accepted_at"),
                row.getObject("due_date", LocalDate.class),
                row.getObject("at_risk_from", LocalDate.class),
                instant(row, "concluded_at"),
                enumOf(CaseOutcome.class, row.getString("outcome")),
                row.getInt("complaints_total"),
                row.getInt("complaints_resolved"),
                row.getObject("rating_score", Integer.class),
                row.getLong("last_event_sequence"));
    }

    /** What a case holds besides its row. */
    private record Lists(
            List<ItemView> items,
            List<MaterialView> materials,
            List<VisitView> visits,
            List<ComplaintView> complaints,
            List<TransferView> transfers,
            List<AssistanceView> assistance,
            List<SupplementView> supplements) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
