package cn.gov.lvliang.ledger.query.bundle;

import static cn.gov.lvliang.ledger.query.infra.SqlValues.enumOf;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.instant;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.utc;

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
import cn.gov.lvliang.ledger.query.rebuild.HeldBackWrites;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RebuildableProjection;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer.Row;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer.Table;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
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
 * <p>The handlers change rows in a {@link RowBuffer}, which holds a batch's cases in memory and writes each changed
 * row once as the batch's transaction commits, in one multi-row statement per table: a replay's cost is the batch's
 * cases, not its events. Every change is idempotent through {@code bundle_case.last_event_sequence}: a handler first
 * {@link #advance advances} the case to its event's sequence and changes nothing if the case was already there.
 * Events of one case reach one segment in order, so no other writer races a case.
 *
 * <p>Writes go to the tables of {@link ProjectionTables}, so that a rebuild can run a second instance of this class
 * into shadow tables beside the live ones (docs/audit-and-rebuild.md); the queries always read the live tables.
 */
@Component
@ProcessingGroup(BundleCaseProjection.PROCESSING_GROUP)
class BundleCaseProjection implements RebuildableProjection, HeldBackWrites {

    static final String PROCESSING_GROUP = "bundle-cases";

    /** Every table of this read model, children before the case row they belong to. */
    static final List<String> TABLES = List.of(CaseTally.TABLE, "bundle_case_item", "bundle_case_material",
            "bundle_case_visit", "bundle_case_complaint", "bundle_case_assistance", "bundle_case_transfer",
            "bundle_case_supplement", "bundle_case");

    /** The tables the handlers change through the {@link RowBuffer}, each case's rows by its {@code case_id}. */
    static final Table CASE = new Table("bundle_case", List.of("case_id"), "case_id");
    private static final Table ITEM = new Table("bundle_case_item", List.of("case_id", "seq"), "case_id");
    static final Table MATERIAL = new Table("bundle_case_material",
            List.of("case_id", "event_sequence", "position"), "case_id");
    private static final Table VISIT = new Table("bundle_case_visit", List.of("case_id", "visit_number"),
            "case_id");
    static final Table COMPLAINT = new Table("bundle_case_complaint", List.of("case_id", "complaint_id"),
            "case_id");
    private static final Table ASSISTANCE = new Table("bundle_case_assistance",
            List.of("case_id", "event_sequence"), "case_id");
    private static final Table TRANSFER = new Table("bundle_case_transfer", List.of("case_id", "event_sequence"),
            "case_id");
    private static final Table SUPPLEMENT = new Table("bundle_case_supplement",
            List.of("case_id", "event_sequence"), "case_id");

    /** Statuses in the order of a case's life, for sorting by status. */
    private static final String STATUS_ORDER = Arrays.stream(CaseStatus.values())
            .map(status -> "WHEN '" + status.name() + "' THEN " + status.ordinal())
            .collect(Collectors.joining(" ", "CASE c.status ", " END"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicantSubjects subjects;
    private final ProjectionTables tables;
    private final CaseTallies tallies;
    private final RowBuffer rows;
    private final ErasureChecks erasures;

    @Autowired
    BundleCaseProjection(JdbcClient jdbc, Clock clock, ApplicantSubjects subjects) {
        this(jdbc, clock, subjects, ProjectionTables.LIVE, 0);
    }

    /**
     * @param heldBackCounts how many of the dashboards' counts to hold back across transactions at most: 0 for the
     *                       live model, which readers read as it goes; many for a rebuild's
     */
    BundleCaseProjection(JdbcClient jdbc, Clock clock, ApplicantSubjects subjects, ProjectionTables tables,
                         int heldBackCounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.subjects = subjects;
        this.tables = tables;
        this.rows = rows(jdbc, tables);
        this.tallies = new CaseTallies(jdbc, tables, DatabaseProduct.isPostgresqlOnce(jdbc), rows, heldBackCounts);
        this.erasures = new ErasureChecks(subjects, this::applicantSubjectOf);
    }

    /**
     * The rows of this read model in {@code tables}, held for a transaction. The case row and its items are what
     * nearly every event changes: read for the whole batch at once.
     */
    static RowBuffer rows(JdbcClient jdbc, ProjectionTables tables) {
        return new RowBuffer(jdbc, tables,
                List.of(CASE, ITEM, MATERIAL, VISIT, COMPLAINT, ASSISTANCE, TRANSFER, SUPPLEMENT), List.of(CASE, ITEM),
                CaseTallies.CASE_OF);
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object writingTo(ProjectionTables tables) {
        return new BundleCaseProjection(jdbc, clock, subjects, tables, CaseTallies.MAX_HELD_BACK);
    }

    @Override
    public void writeHeldBack() {
        tallies.writeHeldBack();
    }

    /**
     * Every event is handled with the rows of its batch; every event of a case moves the dashboards' counts by what it
     * changed in the case's rows.
     */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    Object tallying(EventMessage<?> event, InterceptorChain chain) throws Exception {
        return rows.around(() -> event.getPayload() instanceof BundleCaseEvent caseEvent
                ? tallies.around(caseEvent.caseId(), chain::proceed)
                : chain.proceed());
    }

    // ---- the case's life -------------------------------------------------------------------------------------

    @EventHandler
    void on(BundleCaseSubmittedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (rows.find(CASE, event.caseId()).isPresent()) {
            return; // a redelivered submission changes nothing
        }
        // An erasure that committed after the event was decrypted, or is committing now, is seen here: the subject's
        // keys stay locked until this write commits, so the erasure's own update below cannot miss this row. The
        // subjects of the whole batch are checked, and locked, at its first submission.
        Optional<String> subject = subjects.of(event.applicant());
        boolean erasedMeanwhile = subject.isPresent() && erasures.erased(subject.get());
        Applicant applicant = erasedMeanwhile ? erased(event.applicant()) : event.applicant();
        rows.insert(CASE, event.caseId())
                .set("bundle_code", event.bundleCode())
                .set("catalog_version", event.catalogVersion())
                .set("lead_unit", event.leadUnit())
                .set("applicant_kind", applicant.kind().name())
                .set("applicant_name", applicant.name())
                .set("applicant_id_masked", PersonalDataMask.identifier(applicant.identifier()))
                .set("applicant_phone_masked", PersonalDataMask.phone(applicant.phone()))
                .set("applicant_subject", erasedMeanwhile ? null : subject.orElse(null))
                .set("division_code", event.divisionCode())
                .set("hall_code", event.hallCode())
                .set("channel", event.channel().name())
                .set("window_code", event.windowCode())
                .set("status", CaseStatus.SUBMITTED.name())
                .set("submitted_at", utc(event.businessTime()))
                .set("first_recorded_at", utc(recordedAt))
                .set("last_recorded_at", utc(recordedAt))
                .set("last_event_sequence", sequence)
                // What later events add to or switch on starts here, as the table's defaults would start it.
                .set("overdue", false)
                .set("supplement_pending", false)
                .set("paused_working_days", 0)
                .set("transfer_count", 0)
                .set("transferred_city_wide", false)
                .set("transferred_cross_city", false)
                .set("visit_count", 0)
                .set("materials_submitted", 0)
                .set("materials_waived", 0)
                .set("assistance_count", 0)
                .set("complaints_total", 0)
                .set("complaints_resolved", 0);
        event.items().forEach(item -> rows.insert(ITEM, event.caseId(), item.seq())
                .set("name", item.name())
                .set("responsible_unit", item.responsibleUnit())
                .set("status", ItemStatus.PENDING.name())
                .set("overdue", false));
    }

    @EventHandler
    void on(MaterialsRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.add("materials_submitted", event.submitted().size())
                    .add("materials_waived", event.waived().size());
            OffsetDateTime at = utc(event.businessTime());
            int position = 0;
            for (String name : event.submitted()) {
                material(event, sequence, position++, name, MaterialDisposition.SUBMITTED, null, at);
            }
            for (WaivedMaterial waived : event.waived()) {
                material(event, sequence, position++, waived.name(), MaterialDisposition.WAIVED, waived.basis(), at);
            }
        });
    }

    private void material(MaterialsRecordedEvent event, long sequence, int position, String name,
                          MaterialDisposition disposition, WaiverBasis basis, OffsetDateTime at) {
        rows.insert(MATERIAL, event.caseId(), sequence, position)
                .set("name", name)
                .set("disposition", disposition.name())
                .set("waiver_basis", basis == null ? null : basis.name())
                .set("recorded_at", at);
    }

    @EventHandler
    void on(BundleCaseAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> c
                .set("status", CaseStatus.ACCEPTED.name())
                .set("accepted_at", utc(event.businessTime()))
                .set("accepted_by", event.actingUnit())
                .set("time_limit_working_days", event.timeLimitWorkingDays())
                .set("due_date", event.dueDate())
                .set("at_risk_from", event.atRiskFrom()));
    }

    @EventHandler
    void on(BundleCaseAcceptanceRefusedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // An ended case waits for nothing, so an outstanding supplement no longer pauses anything.
        advance(event, sequence, recordedAt).ifPresent(c -> c
                .set("status", CaseStatus.REFUSED.name())
                .set("refused_at", utc(event.businessTime()))
                .set("refused_by", event.actingUnit())
                .set("refusal_reason", event.reason())
                .set("supplement_pending", false));
    }

    @EventHandler
    void on(SupplementRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("supplement_pending", true);
            rows.insert(SUPPLEMENT, event.caseId(), sequence)
                    .set("requested_at", utc(event.businessTime()))
                    .set("requested_by", event.actingUnit())
                    .set("materials_requested", StringLists.toJson(event.materials()))
                    .set("reason", event.reason());
        });
    }

    @EventHandler
    void on(SupplementSuppliedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("supplement_pending", false).add("paused_working_days", event.pausedWorkingDays());
            // The running clocks moved by the paused days; a case not yet accepted has no due date to move.
            if (event.dueDate() != null) {
                c.set("due_date", event.dueDate());
            }
            if (event.atRiskFrom() != null) {
                c.set("at_risk_from", event.atRiskFrom());
            }
            for (ItemDeadline deadline : event.itemDeadlines()) {
                rows.find(ITEM, event.caseId(), deadline.itemSeq())
                        .ifPresent(item -> item.set("due_date", deadline.dueDate()));
            }
            for (Row supplement : rows.owned(SUPPLEMENT, event.caseId())) {
                if (supplement.get("supplied_at") == null) {
                    supplement.set("supplied_at", utc(event.businessTime()))
                            .set("materials_supplied", StringLists.toJson(event.materials()))
                            .set("paused_working_days", event.pausedWorkingDays());
                }
            }
        });
    }

    @EventHandler
    void on(ItemDispatchedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        item(event, sequence, recordedAt, event.itemSeq()).ifPresent(item -> item
                .set("status", ItemStatus.DISPATCHED.name())
                .set("dispatched_at", utc(event.businessTime()))
                .set("dispatched_by", event.actingUnit())
                .set("responsible_unit", event.responsibleUnit())
                .set("time_limit_working_days", event.timeLimitWorkingDays())
                .set("due_date", event.dueDate()));
    }

    @EventHandler
    void on(ItemApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        item(event, sequence, recordedAt, event.itemSeq()).ifPresent(item -> item
                .set("status", ItemStatus.APPROVED.name())
                .set("decided_at", utc(event.businessTime()))
                .set("deciding_unit", event.actingUnit())
                .set("result", event.result()));
    }

    @EventHandler
    void on(ItemRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        item(event, sequence, recordedAt, event.itemSeq()).ifPresent(item -> item
                .set("status", ItemStatus.REJECTED.name())
                .set("decided_at", utc(event.businessTime()))
                .set("deciding_unit", event.actingUnit())
                .set("rejection_reason", event.reason()));
    }

    @EventHandler
    void on(AssistanceRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.add("assistance_count", 1);
            rows.insert(ASSISTANCE, event.caseId(), sequence)
                    .set("assistant", event.assistant())
                    .set("kind", event.kind().name())
                    .set("steps", StringLists.toJson(event.steps()))
                    .set("assisted_at", utc(event.businessTime()));
        });
    }

    @EventHandler
    void on(VisitRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            // The event numbers the visits, so its number is the count.
            c.set("visit_count", event.visitNumber());
            rows.insert(VISIT, event.caseId(), event.visitNumber())
                    .set("hall_code", event.hallCode())
                    .set("window_code", event.windowCode())
                    .set("purpose", event.purpose().name())
                    .set("visited_at", utc(event.businessTime()));
        });
    }

    @EventHandler
    void on(BundleCaseConcludedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> c
                .set("status", CaseStatus.CONCLUDED.name())
                .set("concluded_at", utc(event.businessTime()))
                .set("concluded_by", event.actingUnit())
                .set("outcome", event.outcome().name())
                .set("approved_items", event.approvedItems())
                .set("rejected_items", event.rejectedItems())
                .set("supplement_pending", false));
    }

    @EventHandler
    void on(ResultDeliveredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> c
                .set("delivered_at", utc(event.businessTime()))
                .set("delivery_method", event.method().name()));
    }

    @EventHandler
    void on(BundleCaseWithdrawnEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> c
                .set("status", CaseStatus.WITHDRAWN.name())
                .set("withdrawn_at", utc(event.businessTime()))
                .set("withdrawal_reason", event.reason())
                .set("supplement_pending", false));
    }

    @EventHandler
    void on(BundleCaseTransferredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("division_code", event.toDivisionCode())
                    .set("hall_code", event.toHallCode())
                    .add("transfer_count", 1);
            if (event.mode() == TransferMode.CITY_WIDE) {
                c.set("transferred_city_wide", true);
            }
            if (event.mode() == TransferMode.CROSS_CITY) {
                c.set("transferred_cross_city", true);
            }
            rows.insert(TRANSFER, event.caseId(), sequence)
                    .set("from_division_code", event.fromDivisionCode())
                    .set("from_hall_code", event.fromHallCode())
                    .set("to_division_code", event.toDivisionCode())
                    .set("to_hall_code", event.toHallCode())
                    .set("mode", event.mode().name())
                    .set("reason", event.reason())
                    .set("transferred_at", utc(event.businessTime()));
        });
    }

    @EventHandler
    void on(ComplaintLodgedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.add("complaints_total", 1);
            rows.insert(COMPLAINT, event.caseId(), event.complaintId())
                    .set("content", event.content())
                    .set("lodged_at", utc(event.businessTime()))
                    .set("follow_ups", 0);
        });
    }

    @EventHandler
    void on(ComplaintFollowedUpEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> rows.find(COMPLAINT, event.caseId(), event.complaintId())
                .ifPresent(complaint -> complaint
                        .add("follow_ups", 1)
                        .set("last_note", event.note())
                        .set("last_followed_up_at", utc(event.businessTime()))
                        .set("last_follow_up_unit", event.actingUnit())));
    }

    @EventHandler
    void on(ComplaintResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.add("complaints_resolved", 1);
            rows.find(COMPLAINT, event.caseId(), event.complaintId()).ifPresent(complaint -> complaint
                    .set("resolved_at", utc(event.businessTime()))
                    .set("resolution", event.resolution())
                    .set("resolving_unit", event.actingUnit()));
        });
    }

    @EventHandler
    void on(ServiceRatedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> c
                .set("rating_score", event.score())
                .set("rating_reasons", StringLists.toJson(event.reasons()))
                .set("rating_comment", event.comment())
                .set("rated_at", utc(event.businessTime())));
    }

    @EventHandler
    void on(BundleCaseBecameOverdueEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> c
                .set("overdue", true)
                .set("overdue_at", utc(event.businessTime())));
    }

    @EventHandler
    void on(ItemBecameOverdueEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        item(event, sequence, recordedAt, event.itemSeq()).ifPresent(item -> item
                .set("overdue", true)
                .set("overdue_at", utc(event.businessTime())));
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
        // The subject's cases may be anyone's in this batch: all rows written first, and read again after.
        rows.flushAndForget();
        tables.sql(jdbc, """
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
     * Moves the case to the given event and answers its row: empty if the event was applied before (a redelivery or
     * a replay over a live model), in which case the handler must write nothing, or if the read model never saw the
     * case's submission.
     */
    private Optional<Row> advance(BundleCaseEvent event, long sequence, Instant recordedAt) {
        return rows.advance(CASE, event.caseId(), sequence, recordedAt);
    }

    /** {@link #advance Advances} the case to an event about one of its items, and answers the item's row. */
    private Optional<Row> item(BundleCaseEvent event, long sequence, Instant recordedAt, int itemSeq) {
        return advance(event, sequence, recordedAt).flatMap(c -> rows.find(ITEM, event.caseId(), itemSeq));
    }

    /** The subject of the applicant a submission names, for the {@link ErasureChecks} of its batch; else null. */
    private String applicantSubjectOf(Message<?> message) {
        return message.getPayloadType() == BundleCaseSubmittedEvent.class
                ? subjects.of(((BundleCaseSubmittedEvent) message.getPayload()).applicant()).orElse(null)
                : null;
    }

    /** The applicant as an erasure leaves it: the kind stays, the personal data reads as erased. */
    private static Applicant erased(Applicant applicant) {
        return new Applicant(applicant.kind(), PersonalData.ERASED, PersonalData.ERASED,
                applicant.phone() == null ? null : PersonalData.ERASED);
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    @QueryHandler
    Optional<BundleCaseView> handle(FindBundleCaseQuery query) {
        String caseId = query.caseId();
        // The lists first, so that no query runs while another's result set is open.
        Lists lists = new Lists(items(caseId), materials(caseId), visits(caseId), complaints(caseId),
                transfers(caseId), assistance(caseId), supplements(caseId));
        return jdbc.sql(CaseLines.SELECT_WITH_NAMES + "WHERE c.case_id = :caseId")
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
            where.append(" AND ").append(query.atRisk() ? CaseLines.AT_RISK : CaseLines.AT_RISK_COLUMN + " = FALSE");
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
        List<BundleCaseSummary> items = jdbc.sql(CaseLines.SELECT_WITH_NAMES + where + " ORDER BY " + orderBy(query)
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query(CaseLines::summary)
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
}
