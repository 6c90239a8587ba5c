package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.Rows.booleanOrNull;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.date;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.intOrNull;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.longOrNull;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.nameOf;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.enumOf;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.instant;
import static cn.gov.lvliang.ledger.query.infra.SqlValues.utc;

import cn.gov.lvliang.ledger.events.fundraising.AssetKind;
import cn.gov.lvliang.ledger.events.fundraising.AssetRecoveredEvent;
import cn.gov.lvliang.ledger.events.fundraising.CaseResolution;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestone;
import cn.gov.lvliang.ledger.events.fundraising.CriminalMilestoneRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationLevel;
import cn.gov.lvliang.ledger.events.fundraising.DeterminationOutcome;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseClosedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseDeterminedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEscalatedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseMarkedCrossProvinceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseOpenedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseScaleRevisedEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalCaseTransferredToPoliceEvent;
import cn.gov.lvliang.ledger.events.fundraising.DisposalPlanAdoptedEvent;
import cn.gov.lvliang.ledger.events.fundraising.EscalationReason;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.LegacyCaseImportedEvent;
import cn.gov.lvliang.ledger.events.fundraising.LegacyFilingAge;
import cn.gov.lvliang.ledger.events.fundraising.MeasureCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureFollowedUpEvent;
import cn.gov.lvliang.ledger.events.fundraising.MeasureKind;
import cn.gov.lvliang.ledger.events.fundraising.MeasureOrderedEvent;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantClaim;
import cn.gov.lvliang.ledger.events.fundraising.ParticipantsRegisteredEvent;
import cn.gov.lvliang.ledger.events.fundraising.PetitionHandledEvent;
import cn.gov.lvliang.ledger.events.fundraising.PetitionOutcome;
import cn.gov.lvliang.ledger.events.fundraising.PetitionReceivedEvent;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestone;
import cn.gov.lvliang.ledger.events.fundraising.PlanMilestoneCompletedEvent;
import cn.gov.lvliang.ledger.events.fundraising.RefundRoundPaidEvent;
import cn.gov.lvliang.ledger.events.fundraising.RefundShare;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.AssetRecoveryView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.ClosureView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.CriminalMilestoneView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.DeterminationView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.DisposalPlanView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.EscalationView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.LegacyImportView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.MeasureView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.PetitionView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.ProvinceView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.RefundRoundView;
import cn.gov.lvliang.ledger.query.fundraising.DisposalCaseView.ScaleView;
import cn.gov.lvliang.ledger.query.infra.BusinessDay;
import cn.gov.lvliang.ledger.query.infra.StringLists;
import cn.gov.lvliang.ledger.query.rebuild.ProjectionTables;
import cn.gov.lvliang.ledger.query.rebuild.RebuildableProjection;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer.Row;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer.Table;
import cn.gov.lvliang.ledger.query.rebuild.RowBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.axonframework.messaging.interceptors.MessageHandlerInterceptor;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The disposal-case read model: one row per case in {@code fundraising_case}, with its scale, escalations, provinces,
 * measures, criminal milestones, plan milestones, recoveries, participants, refund rounds and petitions in tables
 * beside it, each with its business time. Written from every kind of {@link DisposalCaseEvent}; read by the case list
 * and detail, the legacy-case view and (for statistics) {@link FundraisingStatistics}.
 *
 * <p>The handlers change rows in a {@link RowBuffer}, which holds a batch's cases in memory and writes each changed
 * row once as the batch's transaction commits: a replay's cost is the batch's cases, not its events. Every change is
 * idempotent through {@code fundraising_case.last_event_sequence}: a handler first {@link #advance advances} the case
 * to its event's sequence and changes nothing if the case was already there. Events of one case reach one segment in
 * order, so no other writer races a case. The rows are those of {@link ProjectionTables}, so that a rebuild can run a
 * second instance into shadow tables (docs/audit-and-rebuild.md); the queries read the live tables.
 */
@Component
@ProcessingGroup(DisposalCaseProjection.PROCESSING_GROUP)
class DisposalCaseProjection implements RebuildableProjection {

    static final String PROCESSING_GROUP = "fundraising-cases";

    /** Every table of this read model, children before the case row they belong to. */
    static final List<String> TABLES = List.of("fundraising_case_scale", "fundraising_case_escalation",
            "fundraising_case_province", "fundraising_case_measure", "fundraising_case_criminal",
            "fundraising_case_plan_milestone", "fundraising_case_recovery", "fundraising_case_participant",
            "fundraising_case_refund_round", "fundraising_case_petition", "fundraising_case");

    /** The tables the handlers change through the {@link RowBuffer}, each case's rows by its {@code case_id}. */
    private static final Table CASE = new Table("fundraising_case", List.of("case_id"), "case_id");
    private static final Table SCALE = detail("fundraising_case_scale", "event_sequence");
    private static final Table ESCALATION = detail("fundraising_case_escalation", "event_sequence");
    private static final Table PROVINCE = detail("fundraising_case_province", "province_code");
    private static final Table MEASURE = detail("fundraising_case_measure", "measure_id");
    private static final Table CRIMINAL = detail("fundraising_case_criminal", "milestone");
    private static final Table PLAN_MILESTONE = detail("fundraising_case_plan_milestone", "seq");
    private static final Table RECOVERY = detail("fundraising_case_recovery", "recovery_number");
    private static final Table PARTICIPANT = detail("fundraising_case_participant", "participant_reference");
    private static final Table REFUND_ROUND = detail("fundraising_case_refund_round", "round_number");
    private static final Table PETITION = detail("fundraising_case_petition", "petition_id");

    /** The case row's counts, which events add to, and its running totals in fen. */
    private static final List<String> COUNTS = List.of("scale_revisions", "measures_ordered", "measures_completed",
            "plan_milestones", "plan_milestones_completed", "recoveries", "participants", "participant_batches",
            "refund_rounds", "petitions", "petitions_handled", "petitioners");
    private static final List<String> TOTALS_FEN = List.of("recovered_fen", "claims_fen", "refunded_fen");

    /** With the police: transferred by the ledger, or a legacy case filed as a crime before it. */
    static final String WITH_POLICE = "(c.transferred_at IS NOT NULL OR c.legacy)";

    private static final String CASE_WITH_NAMES = """
            SELECT c.*, d.name AS division_name
            FROM fundraising_case c
            LEFT JOIN reference_division d ON d.code = c.division_code
            """;

    /** Statuses in the order of a case's life, for sorting by status. */
    private static final String STATUS_ORDER = Arrays.stream(DisposalCaseStatus.values())
            .map(status -> "WHEN '" + status.name() + "' THEN " + status.ordinal())
            .collect(Collectors.joining(" ", "CASE c.status ", " END"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProjectionTables tables;
    private final RowBuffer rows;

    @Autowired
    DisposalCaseProjection(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, ProjectionTables.LIVE);
    }

    private DisposalCaseProjection(JdbcClient jdbc, Clock clock, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tables = tables;
        // Nearly every event changes the case row: read for the whole batch at once. A detail table is read for a
        // case when an event of the batch first looks up a row of it; new rows are added without reading.
        this.rows = new RowBuffer(jdbc, tables, List.of(CASE, SCALE, ESCALATION, PROVINCE, MEASURE, CRIMINAL,
                PLAN_MILESTONE, RECOVERY, PARTICIPANT, REFUND_ROUND, PETITION), List.of(CASE),
                RowBuffer.ownerOf(DisposalCaseEvent.class, DisposalCaseEvent::caseId));
    }

    /** A table of a case's details, each row keyed by the case and one column of its own. */
    private static Table detail(String name, String column) {
        return new Table(name, List.of("case_id", column), "case_id");
    }

    @Override
    public List<String> tables() {
        return TABLES;
    }

    @Override
    public Object writingTo(ProjectionTables tables) {
        return new DisposalCaseProjection(jdbc, clock, tables);
    }

    // ---- opening and import ------------------------------------------------------------------------------------

    /** Every event is handled with the rows of its processor's batch. */
    @MessageHandlerInterceptor(messageType = EventMessage.class)
    Object withTheBatchsRows(InterceptorChain chain) throws Exception {
        return rows.around(chain::proceed);
    }

    @EventHandler
    void on(DisposalCaseOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (rows.find(CASE, event.caseId()).isPresent()) {
            return; // a redelivered opening changes nothing
        }
        boolean crossProvince = event.crossProvince() || !event.provinces().isEmpty();
        OffsetDateTime at = utc(event.businessTime());
        opened(event.caseId(), sequence, recordedAt, event.actingUnit(), event.divisionCode(), event.name(),
                event.subject())
                .set("legacy", false)
                .set("key_area", nameOf(event.keyArea()))
                .set("clue_ids", StringLists.toJson(event.clueIds()))
                .set("opened_at", at)
                .set("status", DisposalCaseStatus.OPEN.name())
                .set("estimated_amount_fen", event.estimatedAmountFen())
                .set("estimated_participants", event.estimatedParticipants())
                .set("cross_province", crossProvince)
                .set("cross_province_at", crossProvince ? at : null)
                .set("provinces", StringLists.toJson(event.provinces()));
        scale(event.caseId(), sequence, event.estimatedAmountFen(), event.estimatedParticipants(),
                event.actingUnit(), null, event.businessTime());
        for (String province : event.provinces()) {
            province(event.caseId(), province, event.actingUnit(), event.businessTime());
        }
    }

    @EventHandler
    void on(LegacyCaseImportedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (rows.find(CASE, event.caseId()).isPresent()) {
            return; // a redelivered import changes nothing
        }
        // A legacy case was filed as a crime before the ledger: it counts as determined a suspected crime and as
        // with the police, but it has no determination or transfer of its own here.
        opened(event.caseId(), sequence, recordedAt, event.actingUnit(), event.divisionCode(), event.name(),
                event.subject())
                .set("legacy", true)
                .set("legacy_code", event.legacyCode())
                .set("legacy_file_version", event.legacyFileVersion())
                .set("printed_as", event.printedAs())
                .set("filing_age", nameOf(event.filingAge()))
                .set("original_filing_date", event.originalFilingDate())
                .set("filing_date_approximate", event.filingDateApproximate())
                .set("stage_at_import", nameOf(event.stageAtImport()))
                .set("clue_ids", "[]")
                .set("opened_at", utc(event.businessTime()))
                .set("status", DisposalCaseStatus.WITH_POLICE.name())
                .set("determination_outcome", DeterminationOutcome.SUSPECTED_CRIME.name())
                .set("criminal_stage", nameOf(event.stageAtImport()))
                .set("cross_province", false)
                .set("provinces", "[]");
    }

    /**
     * A new case row at its first event, with what an opening and an import both give, and every count and total
     * that later events add to or switch on started, as the table's defaults would start them.
     */
    private Row opened(String caseId, long sequence, Instant recordedAt, String unit, String divisionCode,
                       String name, FundraisingSubject subject) {
        Row c = rows.insert(CASE, caseId)
                .set("opened_by", unit)
                .set("division_code", divisionCode)
                .set("name", name)
                .set("subject_kind", subject.kind().name())
                .set("subject_name", subject.name())
                .set("subject_credit_code", subject.creditCode())
                .set("first_recorded_at", utc(recordedAt))
                .set("last_recorded_at", utc(recordedAt))
                .set("last_event_sequence", sequence)
                .set("escalated", false);
        COUNTS.forEach(column -> c.set(column, 0));
        TOTALS_FEN.forEach(column -> c.set(column, 0L));
        return c;
    }

    // ---- scale, escalation, determination, provinces -----------------------------------------------------------

    @EventHandler
    void on(DisposalCaseScaleRevisedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // Like the aggregate, a revision states the whole scale: a figure it leaves out is unknown from now on.
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("estimated_amount_fen", event.estimatedAmountFen())
                    .set("estimated_participants", event.estimatedParticipants())
                    .add("scale_revisions", 1);
            scale(event.caseId(), sequence, event.estimatedAmountFen(), event.estimatedParticipants(),
                    event.actingUnit(), event.note(), event.businessTime());
        });
    }

    @EventHandler
    void on(DisposalCaseEscalatedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            OffsetDateTime at = utc(event.businessTime());
            c.set("escalated", true);
            if (c.get("escalated_at") == null) {
                c.set("escalated_at", at);
            }
            rows.insert(ESCALATION, event.caseId(), sequence)
                    .set("acting_unit", event.actingUnit())
                    .set("reasons", StringLists.toJson(event.reasons().stream().map(Enum::name).toList()))
                    .set("estimated_amount_fen", event.estimatedAmountFen())
                    .set("estimated_participants", event.estimatedParticipants())
                    .set("amount_threshold_fen", event.amountThresholdFen())
                    .set("participant_threshold", event.participantThreshold())
                    .set("note", event.note())
                    .set("escalated_at", at);
        });
    }

    @EventHandler
    void on(DisposalCaseDeterminedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("determined_at", utc(event.businessTime()))
                    .set("determined_by", event.actingUnit())
                    .set("determination_level", event.level().name())
                    .set("determination_outcome", event.outcome().name())
                    .set("determination_basis", event.basis());
            if (DisposalCaseStatus.OPEN.name().equals(c.get("status"))) {
                c.set("status", DisposalCaseStatus.DETERMINED.name());
            }
        });
    }

    @EventHandler
    void on(DisposalCaseMarkedCrossProvinceEvent event, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("cross_province", true).set("provinces", StringLists.toJson(event.provinces()));
            if (c.get("cross_province_at") == null) {
                c.set("cross_province_at", utc(event.businessTime()));
            }
            for (String province : event.addedProvinces()) {
                province(event.caseId(), province, event.actingUnit(), event.businessTime());
            }
        });
    }

    // ---- measures, police, plan --------------------------------------------------------------------------------

    @EventHandler
    void on(MeasureOrderedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            OffsetDateTime at = utc(event.businessTime());
            c.add("measures_ordered", 1);
            OffsetDateTime first = c.get("first_measure_at", OffsetDateTime.class);
            if (first == null || first.isAfter(at)) {
                c.set("first_measure_at", at);
            }
            rows.insert(MEASURE, event.caseId(), event.measureId())
                    .set("kind", event.kind().name())
                    .set("ordering_unit", event.orderingUnit())
                    .set("due_date", event.dueDate())
                    .set("amount_fen", event.amountFen())
                    .set("description", event.description())
                    .set("ordered_at", at)
                    .set("follow_ups", 0);
        });
    }

    @EventHandler
    void on(MeasureFollowedUpEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt)
                .flatMap(c -> rows.find(MEASURE, event.caseId(), event.measureId()))
                .ifPresent(measure -> measure.add("follow_ups", 1)
                        .set("last_follow_up", event.note())
                        .set("last_followed_up_at", utc(event.businessTime())));
    }

    @EventHandler
    void on(MeasureCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt)
                .map(c -> c.add("measures_completed", 1))
                .flatMap(c -> rows.find(MEASURE, event.caseId(), event.measureId()))
                .ifPresent(measure -> measure.set("completed_at", utc(event.businessTime()))
                        .set("completed_by", event.actingUnit())
                        .set("result", event.result()));
    }

    @EventHandler
    void on(DisposalCaseTransferredToPoliceEvent event, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("transferred_at", utc(event.businessTime()))
                    .set("transferred_by", event.actingUnit())
                    .set("police_unit", event.policeUnit())
                    .set("transfer_note", event.note());
            if (!DisposalCaseStatus.CLOSED.name().equals(c.get("status"))) {
                c.set("status", DisposalCaseStatus.WITH_POLICE.name());
            }
        });
    }

    @EventHandler
    void on(CriminalMilestoneRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            OffsetDateTime at = utc(event.businessTime());
            c.set("criminal_stage", event.milestone().name()).set("criminal_stage_at", at);
            rows.insert(CRIMINAL, event.caseId(), event.milestone().name())
                    .set("acting_unit", event.actingUnit())
                    .set("document_number", event.documentNumber())
                    .set("note", event.note())
                    .set("reached_at", at);
        });
    }

    @EventHandler
    void on(DisposalPlanAdoptedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("plan_adopted_at", utc(event.businessTime()))
                    .set("plan_adopted_by", event.actingUnit())
                    .set("plan_responsible_name",
                            event.responsiblePerson() == null ? null : event.responsiblePerson().name())
                    .set("plan_responsible_role",
                            event.responsiblePerson() == null ? null : event.responsiblePerson().role())
                    .set("plan_summary", event.summary())
                    .set("plan_milestones", event.milestones().size());
            for (PlanMilestone milestone : event.milestones()) {
                rows.insert(PLAN_MILESTONE, event.caseId(), milestone.seq())
                        .set("name", milestone.name())
                        .set("due_date", milestone.dueDate());
            }
        });
    }

    @EventHandler
    void on(PlanMilestoneCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt)
                .map(c -> c.add("plan_milestones_completed", 1))
                .flatMap(c -> rows.find(PLAN_MILESTONE, event.caseId(), event.milestoneSeq()))
                .ifPresent(milestone -> milestone.set("completed_at", utc(event.businessTime()))
                        .set("completed_by", event.actingUnit())
                        .set("note", event.note()));
    }

    // ---- money -------------------------------------------------------------------------------------------------

    @EventHandler
    void on(AssetRecoveredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // The event carries the case's running total, which the aggregate keeps exactly.
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("recovered_fen", event.totalRecoveredFen()).set("recoveries", event.recoveryNumber());
            rows.insert(RECOVERY, event.caseId(), event.recoveryNumber())
                    .set("acting_unit", event.actingUnit())
                    .set("kind", event.kind().name())
                    .set("amount_fen", event.amountFen())
                    .set("description", event.description())
                    .set("recovered_at", utc(event.businessTime()));
        });
    }

    @EventHandler
    void on(ParticipantsRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.add("participants", event.participants().size())
                    .set("claims_fen", event.totalClaimsFen())
                    .set("participant_batches", event.batchNumber());
            OffsetDateTime at = utc(event.businessTime());
            for (ParticipantClaim participant : event.participants()) {
                rows.insert(PARTICIPANT, event.caseId(), participant.participantReference())
                        .set("claim_fen", participant.claimFen())
                        .set("refunded_fen", 0L)
                        .set("batch_number", event.batchNumber())
                        .set("registered_at", at);
            }
        });
    }

    @EventHandler
    void on(RefundRoundPaidEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.set("refunded_fen", event.refundedBeforeFen() + event.roundTotalFen())
                    .set("refund_rounds", event.roundNumber());
            int paid = 0;
            for (RefundShare share : event.shares()) {
                if (share.shareFen() == 0) {
                    continue;
                }
                paid++;
                rows.find(PARTICIPANT, event.caseId(), share.participantReference()).ifPresent(participant ->
                        participant.set("refunded_fen", participant.number("refunded_fen") + share.shareFen()));
            }
            rows.insert(REFUND_ROUND, event.caseId(), event.roundNumber())
                    .set("acting_unit", event.actingUnit())
                    .set("round_total_fen", event.roundTotalFen())
                    .set("total_recovered_fen", event.totalRecoveredFen())
                    .set("refunded_before_fen", event.refundedBeforeFen())
                    .set("participants_taking_part", event.shares().size())
                    .set("participants_paid", paid)
                    .set("note", event.note())
                    .set("paid_at", utc(event.businessTime()));
        });
    }

    // ---- petitions and closure ---------------------------------------------------------------------------------

    @EventHandler
    void on(PetitionReceivedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> {
            c.add("petitions", 1).add("petitioners", event.petitioners());
            rows.insert(PETITION, event.caseId(), event.petitionId())
                    .set("received_by", event.actingUnit())
                    .set("petition_reference", event.petitionReference())
                    .set("petitioners", event.petitioners())
                    .set("summary", event.summary())
                    .set("received_at", utc(event.businessTime()));
        });
    }

    @EventHandler
    void on(PetitionHandledEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt)
                .map(c -> c.add("petitions_handled", 1))
                .flatMap(c -> rows.find(PETITION, event.caseId(), event.petitionId()))
                .ifPresent(petition -> petition.set("handled_at", utc(event.businessTime()))
                        .set("handled_by", event.actingUnit())
                        .set("outcome", event.outcome().name())
                        .set("handling_note", event.note()));
    }

    @EventHandler
    void on(DisposalCaseClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advance(event, sequence, recordedAt).ifPresent(c -> c
                .set("status", DisposalCaseStatus.CLOSED.name())
                .set("closed_at", utc(event.businessTime()))
                .set("closed_by", event.actingUnit())
                .set("resolution", event.resolution().name())
                .set("merged_into_case_id", event.mergedIntoCaseId())
                .set("closing_note", event.note())
                .set("recovered_fen", event.totalRecoveredFen())
                .set("refunded_fen", event.totalRefundedFen()));
    }

    @ResetHandler
    void reset() {
        tables.clear(jdbc, TABLES);
    }

    /**
     * Moves the case to the given event, and answers its row if the event is news for the case; empty if it was
     * applied before (a redelivery or a replay over a live model), in which case the handler must change nothing.
     * Also empty for a case whose opening the read model never saw.
     */
    private Optional<Row> advance(DisposalCaseEvent event, long sequence, Instant recordedAt) {
        return rows.advance(CASE, event.caseId(), sequence, recordedAt);
    }

    private void scale(String caseId, long sequence, Long amount, Integer participants, String unit, String note,
                       Instant at) {
        rows.insert(SCALE, caseId, sequence)
                .set("estimated_amount_fen", amount)
                .set("estimated_participants", participants)
                .set("acting_unit", unit)
                .set("note", note)
                .set("effective_at", utc(at));
    }

    /** Records a province once: the aggregate reports only new ones, but an opening's list may repeat a code. */
    private void province(String caseId, String province, String unit, Instant at) {
        if (rows.find(PROVINCE, caseId, province).isEmpty()) {
            rows.insert(PROVINCE, caseId, province)
                    .set("added_by", unit)
                    .set("added_at", utc(at));
        }
    }

    // ---- queries -----------------------------------------------------------------------------------------------

    @QueryHandler
    Optional<DisposalCaseView> handle(FindDisposalCaseQuery query) {
        String caseId = query.caseId();
        Map<String, String> unitNames = unitNames();
        LocalDate today = BusinessDay.today(clock);
        // The lists first, so that no query runs while another's result set is open.
        Lists lists = new Lists(scale(caseId), escalations(caseId), provinces(caseId), measures(caseId, unitNames),
                milestones(caseId), planMilestones(caseId, today), recoveries(caseId), refundRounds(caseId),
                petitions(caseId));
        return jdbc.sql(CASE_WITH_NAMES + "WHERE c.case_id = :caseId")
                .param("caseId", caseId)
                .query((row, rowNumber) -> detail(row, lists, unitNames))
                .optional();
    }

    @QueryHandler
    DisposalCasePage handle(ListDisposalCasesQuery query) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        if (query.divisionCode() != null) {
            where.append(" AND c.division_code = :division");
            params.put("division", query.divisionCode());
        }
        if (!query.statuses().isEmpty()) {
            where.append(" AND c.status IN (:statuses)");
            params.put("statuses", Rows.names(query.statuses()));
        }
        if (query.level() != null) {
            where.append(" AND c.determination_level = :level");
            params.put("level", query.level().name());
        }
        if (query.outcome() != null) {
            where.append(" AND c.determination_outcome = :outcome");
            params.put("outcome", query.outcome().name());
        }
        if (query.legacy() != null) {
            where.append(query.legacy() ? " AND c.legacy" : " AND NOT c.legacy");
        }
        if (query.crossProvince() != null) {
            where.append(query.crossProvince() ? " AND c.cross_province" : " AND NOT c.cross_province");
        }
        if (query.measureKind() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM fundraising_case_measure m WHERE m.case_id = c.case_id"
                    + " AND m.kind = :measureKind)");
            params.put("measureKind", query.measureKind().name());
        }
        if (query.transferred() != null) {
            where.append(query.transferred() ? " AND " : " AND NOT ").append(WITH_POLICE);
        }
        if (query.escalated() != null) {
            where.append(query.escalated() ? " AND c.escalated" : " AND NOT c.escalated");
        }
        if (query.keyArea() != null) {
            where.append(" AND c.key_area = :keyArea");
            params.put("keyArea", query.keyArea().name());
        }
        if (query.from() != null) {
            where.append(" AND c.opened_at >= :from");
            params.put("from", utc(BusinessDay.startOf(query.from())));
        }
        if (query.to() != null) {
            where.append(" AND c.opened_at < :toExclusive");
            params.put("toExclusive", utc(BusinessDay.startOf(query.to().plusDays(1))));
        }
        if (query.text() != null) {
            where.append(" AND (LOWER(c.name) LIKE :text ESCAPE '\\' OR LOWER(c.subject_name) LIKE :text ESCAPE '\\')");
            params.put("text", Rows.containing(query.text()));
        }
        Rows.Paged<DisposalCaseSummary> paged = Rows.paged(jdbc, "fundraising_case c", CASE_WITH_NAMES,
                where.toString(), orderBy(query), params, query.page(), query.size(), DisposalCaseProjection::summary);
        return new DisposalCasePage(paged.items(), query.page(), query.size(), paged.total());
    }

    @QueryHandler
    Optional<ParticipantPage> handle(ListParticipantsQuery query) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM fundraising_case WHERE case_id = :caseId")
                .param("caseId", query.caseId())
                .query(Long.class)
                .single() > 0;
        if (!known) {
            return Optional.empty();
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM fundraising_case_participant WHERE case_id = :caseId")
                .param("caseId", query.caseId())
                .query(Long.class)
                .single();
        List<ParticipantPage.ParticipantView> items = jdbc.sql("""
                        SELECT * FROM fundraising_case_participant WHERE case_id = :caseId
                        ORDER BY participant_reference LIMIT :limit OFFSET :offset""")
                .param("caseId", query.caseId())
                .param("limit", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((row, rowNumber) -> new ParticipantPage.ParticipantView(
                        row.getString("participant_reference"),
                        row.getLong("claim_fen"),
                        Money.yuan(row.getLong("claim_fen")),
                        row.getLong("refunded_fen"),
                        Money.yuan(row.getLong("refunded_fen")),
                        Money.ratio(row.getLong("refunded_fen"), row.getLong("claim_fen")),
                        row.getInt("batch_number"),
                        instant(row, "registered_at")))
                .list();
        return Optional.of(new ParticipantPage(query.caseId(), items, query.page(), query.size(), total));
    }

    @QueryHandler
    LegacyCasesView handle(FindLegacyCasesQuery query) {
        Map<String, LegacyCasesView.LegacyCaseView> imported = new LinkedHashMap<>();
        jdbc.sql(CASE_WITH_NAMES + "WHERE c.legacy ORDER BY c.legacy_code, c.case_id")
                .query((row, rowNumber) -> legacyCase(row))
                .list()
                .forEach(legacyCase -> imported.putIfAbsent(legacyCase.legacyCode(), legacyCase));
        Map<String, String> divisionNames = divisionNames();
        List<LegacyCasesView.LegacyCaseView> cases = new ArrayList<>();
        for (LegacyCaseTargets.Expected expected : LegacyCaseTargets.PLAN) {
            LegacyCasesView.LegacyCaseView found = imported.remove(expected.code());
            cases.add(found != null ? found : new LegacyCasesView.LegacyCaseView(expected.code(), null,
                    expected.divisionCode(), divisionNames.get(expected.divisionCode()), expected.name(),
                    expected.printedAs(), expected.filingAge(), null, null, false, null, null, null, false, 0, 0,
                    false, null, null));
        }
        cases.addAll(imported.values());

        Map<String, int[]> counties = new LinkedHashMap<>();
        Map<String, String> countyNames = new HashMap<>();
        for (LegacyCasesView.LegacyCaseView legacyCase : cases) {
            int[] counts = counties.computeIfAbsent(legacyCase.divisionCode(), code -> new int[2]);
            counts[0]++;
            counts[1] += legacyCase.resolved() ? 1 : 0;
            countyNames.putIfAbsent(legacyCase.divisionCode(), legacyCase.divisionName());
        }
        List<LegacyCasesView.LegacyCountyView> byCounty = counties.entrySet().stream()
                .map(entry -> new LegacyCasesView.LegacyCountyView(entry.getKey(), countyNames.get(entry.getKey()),
                        entry.getValue()[0], entry.getValue()[1],
                        Money.ratio(entry.getValue()[1], entry.getValue()[0])))
                .toList();
        int total = cases.size();
        int resolved = (int) cases.stream().filter(LegacyCasesView.LegacyCaseView::resolved).count();
        int importedCount = (int) cases.stream().filter(LegacyCasesView.LegacyCaseView::imported).count();
        return new LegacyCasesView(LegacyCaseTargets.TARGET, Money.ratio(1, 1), cases, total, importedCount,
                resolved, Money.ratio(resolved, total), total - resolved, byCounty);
    }

    /** A fixed ORDER BY per sort key, never built from what the caller sent; ties are broken the same way always. */
    private static String orderBy(ListDisposalCasesQuery query) {
        String direction = query.direction().sql();
        return switch (query.sort()) {
            case OPENED_AT -> "c.opened_at " + direction + ", c.case_id";
            case ESTIMATED_AMOUNT -> "c.estimated_amount_fen " + direction + " NULLS LAST, c.opened_at DESC, c.case_id";
            case RECOVERED -> "c.recovered_fen " + direction + ", c.opened_at DESC, c.case_id";
            case STATUS -> STATUS_ORDER + " " + direction + ", c.opened_at DESC, c.case_id";
        };
    }

    private Map<String, String> unitNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT code, name FROM reference_unit")
                .query((row, rowNumber) -> Map.entry(row.getString("code"), row.getString("name")))
                .list()
                .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        return names;
    }

    private Map<String, String> divisionNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT code, name FROM reference_division")
                .query((row, rowNumber) -> Map.entry(row.getString("code"), row.getString("name")))
                .list()
                .forEach(entry -> names.put(entry.getKey(), entry.getValue()));
        return names;
    }

    private static CaseMoney money(ResultSet row) throws SQLException {
        return CaseMoney.of(longOrNull(row, "estimated_amount_fen"), row.getLong("recovered_fen"),
                row.getLong("claims_fen"), row.getLong("refunded_fen"), row.getInt("participants"));
    }

    private static DisposalCaseSummary summary(ResultSet row, int rowNumber) throws SQLException {
        return new DisposalCaseSummary(
                row.getString("case_id"),
                row.getBoolean("legacy"),
                row.getString("legacy_code"),
                row.getString("name"),
                row.getString("subject_name"),
                enumOf(KeyArea.class, row.getString("key_area")),
                row.getString("division_code"),
                row.getString("division_name"),
                instant(row, "opened_at"),
                enumOf(DisposalCaseStatus.class, row.getString("status")),
                row.getBoolean("escalated"),
                enumOf(DeterminationLevel.class, row.getString("determination_level")),
                enumOf(DeterminationOutcome.class, row.getString("determination_outcome")),
                row.getBoolean("cross_province"),
                StringLists.fromJson(row.getString("provinces")),
                row.getInt("measures_ordered"),
                row.getInt("measures_ordered") - row.getInt("measures_completed"),
                row.getBoolean("legacy") || instant(row, "transferred_at") != null,
                enumOf(CriminalMilestone.class, row.getString("criminal_stage")),
                money(row),
                row.getInt("petitions") - row.getInt("petitions_handled"),
                instant(row, "closed_at"),
                enumOf(CaseResolution.class, row.getString("resolution")),
                row.getLong("last_event_sequence"));
    }

    private static LegacyCasesView.LegacyCaseView legacyCase(ResultSet row) throws SQLException {
        return new LegacyCasesView.LegacyCaseView(
                row.getString("legacy_code"),
                row.getString("case_id"),
                row.getString("division_code"),
                row.getString("division_name"),
                row.getString("name"),
                row.getString("printed_as"),
                enumOf(LegacyFilingAge.class, row.getString("filing_age")),
                date(row, "original_filing_date"),
                booleanOrNull(row, "filing_date_approximate"),
                true,
                instant(row, "opened_at"),
                enumOf(DisposalCaseStatus.class, row.getString("status")),
                enumOf(CriminalMilestone.class, row.getString("criminal_stage")),
                instant(row, "plan_adopted_at") != null,
                row.getInt("plan_milestones"),
                row.getInt("plan_milestones_completed"),
                instant(row, "closed_at") != null,
                instant(row, "closed_at"),
                enumOf(CaseResolution.class, row.getString("resolution")));
    }

    private static DisposalCaseView detail(ResultSet row, Lists lists, Map<String, String> unitNames)
            throws SQLException {
        boolean legacy = row.getBoolean("legacy");
        Instant determinedAt = instant(row, "determined_at");
        Instant transferredAt = instant(row, "transferred_at");
        Instant planAdoptedAt = instant(row, "plan_adopted_at");
        Instant closedAt = instant(row, "closed_at");
        int measuresOrdered = row.getInt("measures_ordered");
        return new DisposalCaseView(
                row.getString("case_id"),
                legacy,
                legacy ? new LegacyImportView(
                        row.getString("legacy_code"),
                        row.getInt("legacy_file_version"),
                        row.getString("printed_as"),
                        enumOf(LegacyFilingAge.class, row.getString("filing_age")),
                        date(row, "original_filing_date"),
                        row.getBoolean("filing_date_approximate"),
                        enumOf(CriminalMilestone.class, row.getString("stage_at_import"))) : null,
                row.getString("name"),
                enumOf(SubjectKind.class, row.getString("subject_kind")),
                row.getString("subject_name"),
                row.getString("subject_credit_code"),
                enumOf(KeyArea.class, row.getString("key_area")),
                row.getString("division_code"),
                row.getString("division_name"),
                row.getString("opened_by"),
                unitNames.get(row.getString("opened_by")),
                instant(row, "opened_at"),
                StringLists.fromJson(row.getString("clue_ids")),
                enumOf(DisposalCaseStatus.class, row.getString("status")),
                intOrNull(row, "estimated_participants"),
                lists.scale(),
                row.getBoolean("escalated"),
                instant(row, "escalated_at"),
                lists.escalations(),
                determinedAt == null ? null : new DeterminationView(
                        determinedAt,
                        row.getString("determined_by"),
                        unitNames.get(row.getString("determined_by")),
                        enumOf(DeterminationLevel.class, row.getString("determination_level")),
                        enumOf(DeterminationOutcome.class, row.getString("determination_outcome")),
                        row.getString("determination_basis")),
                row.getBoolean("cross_province"),
                instant(row, "cross_province_at"),
                lists.provinces(),
                lists.measures(),
                measuresOrdered,
                measuresOrdered - row.getInt("measures_completed"),
                legacy || transferredAt != null,
                transferredAt == null ? null : new DisposalCaseView.PoliceTransferView(
                        transferredAt,
                        row.getString("transferred_by"),
                        row.getString("police_unit"),
                        unitNames.get(row.getString("police_unit")),
                        row.getString("transfer_note")),
                enumOf(CriminalMilestone.class, row.getString("criminal_stage")),
                lists.milestones(),
                planAdoptedAt == null ? null : new DisposalPlanView(
                        planAdoptedAt,
                        row.getString("plan_adopted_by"),
                        row.getString("plan_responsible_name"),
                        row.getString("plan_responsible_role"),
                        row.getString("plan_summary"),
                        lists.planMilestones(),
                        row.getInt("plan_milestones_completed")),
                money(row),
                lists.recoveries(),
                row.getInt("participant_batches"),
                lists.refundRounds(),
                lists.petitions(),
                row.getInt("petitions") - row.getInt("petitions_handled"),
                row.getInt("petitioners"),
                closedAt == null ? null : new ClosureView(
                        closedAt,
                        row.getString("closed_by"),
                        enumOf(CaseResolution.class, row.getString("resolution")),
                        row.getString("merged_into_case_id"),
                        row.getString("closing_note")),
                instant(row, "first_recorded_at"),
                instant(row, "last_recorded_at"),
                row.getLong("last_event_sequence"));
    }

    private List<ScaleView> scale(String caseId) {
        return jdbc.sql("SELECT * FROM fundraising_case_scale WHERE case_id = :caseId ORDER BY event_sequence")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new ScaleView(
                        longOrNull(row, "estimated_amount_fen"),
                        Money.yuan(longOrNull(row, "estimated_amount_fen")),
                        intOrNull(row, "estimated_participants"),
                        row.getString("acting_unit"),
                        row.getString("note"),
                        instant(row, "effective_at")))
                .list();
    }

    private List<EscalationView> escalations(String caseId) {
        return jdbc.sql("SELECT * FROM fundraising_case_escalation WHERE case_id = :caseId ORDER BY event_sequence")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new EscalationView(
                        row.getString("acting_unit"),
                        StringLists.fromJson(row.getString("reasons")).stream()
                                .map(EscalationReason::valueOf).toList(),
                        longOrNull(row, "estimated_amount_fen"),
                        intOrNull(row, "estimated_participants"),
                        row.getLong("amount_threshold_fen"),
                        row.getInt("participant_threshold"),
                        row.getString("note"),
                        instant(row, "escalated_at")))
                .list();
    }

    private List<ProvinceView> provinces(String caseId) {
        return jdbc.sql("""
                        SELECT * FROM fundraising_case_province WHERE case_id = :caseId
                        ORDER BY added_at, province_code""")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new ProvinceView(
                        row.getString("province_code"),
                        Provinces.name(row.getString("province_code")),
                        row.getString("added_by"),
                        instant(row, "added_at")))
                .list();
    }

    private List<MeasureView> measures(String caseId, Map<String, String> unitNames) {
        return jdbc.sql("SELECT * FROM fundraising_case_measure WHERE case_id = :caseId ORDER BY ordered_at, "
                        + "measure_id")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new MeasureView(
                        row.getString("measure_id"),
                        enumOf(MeasureKind.class, row.getString("kind")),
                        row.getString("ordering_unit"),
                        unitNames.get(row.getString("ordering_unit")),
                        date(row, "due_date"),
                        longOrNull(row, "amount_fen"),
                        Money.yuan(longOrNull(row, "amount_fen")),
                        row.getString("description"),
                        instant(row, "ordered_at"),
                        row.getInt("follow_ups"),
                        row.getString("last_follow_up"),
                        instant(row, "last_followed_up_at"),
                        instant(row, "completed_at") != null,
                        instant(row, "completed_at"),
                        row.getString("completed_by"),
                        row.getString("result")))
                .list();
    }

    private List<CriminalMilestoneView> milestones(String caseId) {
        return jdbc.sql("SELECT * FROM fundraising_case_criminal WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new CriminalMilestoneView(
                        enumOf(CriminalMilestone.class, row.getString("milestone")),
                        row.getString("acting_unit"),
                        row.getString("document_number"),
                        row.getString("note"),
                        instant(row, "reached_at")))
                .list()
                .stream()
                // In the order of the criminal path, which is also the order they were reached.
                .sorted((a, b) -> a.milestone().compareTo(b.milestone()))
                .toList();
    }

    private List<DisposalCaseView.PlanMilestoneView> planMilestones(String caseId, LocalDate today) {
        return jdbc.sql("SELECT * FROM fundraising_case_plan_milestone WHERE case_id = :caseId ORDER BY seq")
                .param("caseId", caseId)
                .query((row, rowNumber) -> {
                    LocalDate due = date(row, "due_date");
                    Instant completedAt = instant(row, "completed_at");
                    LocalDate reached = completedAt == null ? today
                            : completedAt.atZone(BusinessDay.ZONE).toLocalDate();
                    return new DisposalCaseView.PlanMilestoneView(
                            row.getInt("seq"),
                            row.getString("name"),
                            due,
                            completedAt,
                            row.getString("completed_by"),
                            row.getString("note"),
                            reached.isAfter(due));
                })
                .list();
    }

    private List<AssetRecoveryView> recoveries(String caseId) {
        return jdbc.sql("SELECT * FROM fundraising_case_recovery WHERE case_id = :caseId ORDER BY recovery_number")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new AssetRecoveryView(
                        row.getInt("recovery_number"),
                        row.getString("acting_unit"),
                        enumOf(AssetKind.class, row.getString("kind")),
                        row.getLong("amount_fen"),
                        Money.yuan(row.getLong("amount_fen")),
                        row.getString("description"),
                        instant(row, "recovered_at")))
                .list();
    }

    private List<RefundRoundView> refundRounds(String caseId) {
        return jdbc.sql("SELECT * FROM fundraising_case_refund_round WHERE case_id = :caseId ORDER BY round_number")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new RefundRoundView(
                        row.getInt("round_number"),
                        row.getString("acting_unit"),
                        row.getLong("round_total_fen"),
                        Money.yuan(row.getLong("round_total_fen")),
                        row.getLong("total_recovered_fen"),
                        row.getLong("refunded_before_fen"),
                        row.getInt("participants_taking_part"),
                        row.getInt("participants_paid"),
                        row.getString("note"),
                        instant(row, "paid_at")))
                .list();
    }

    private List<PetitionView> petitions(String caseId) {
        return jdbc.sql("SELECT * FROM fundraising_case_petition WHERE case_id = :caseId ORDER BY received_at, "
                        + "petition_id")
                .param("caseId", caseId)
                .query((row, rowNumber) -> new PetitionView(
                        row.getString("petition_id"),
                        row.getString("received_by"),
                        row.getString("petition_reference"),
                        row.getInt("petitioners"),
                        row.getString("summary"),
                        instant(row, "received_at"),
                        instant(row, "handled_at") != null,
                        instant(row, "handled_at"),
                        row.getString("handled_by"),
                        enumOf(PetitionOutcome.class, row.getString("outcome")),
                        row.getString("handling_note")))
                .list();
    }

    /** What a case holds besides its row. */
    private record Lists(
            List<ScaleView> scale,
            List<EscalationView> escalations,
            List<ProvinceView> provinces,
            List<MeasureView> measures,
            List<CriminalMilestoneView> milestones,
            List<DisposalCaseView.PlanMilestoneView> planMilestones,
            List<AssetRecoveryView> recoveries,
            List<RefundRoundView> refundRounds,
            List<PetitionView> petitions) {
    }
}
