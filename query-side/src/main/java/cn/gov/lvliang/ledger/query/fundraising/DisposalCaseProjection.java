package cn.gov.lvliang.ledger.query.fundraising;

import static cn.gov.lvliang.ledger.query.fundraising.Rows.booleanOrNull;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.date;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.enumOf;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.instant;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.intOrNull;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.longOrNull;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.nameOf;
import static cn.gov.lvliang.ledger.query.fundraising.Rows.utc;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
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
 * <p>Every write is idempotent through {@code fundraising_case.last_event_sequence}: a handler first
 * {@link #advance advances} the case to its event's sequence and writes nothing if the case was already there. Events
 * of one case reach one segment in order, so no other writer races a case. Writes go through {@link #sql}, so that a
 * rebuild can run a second instance into shadow tables (docs/audit-and-rebuild.md); the queries read the live tables.
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

    @Autowired
    DisposalCaseProjection(JdbcClient jdbc, Clock clock) {
        this(jdbc, clock, ProjectionTables.LIVE);
    }

    private DisposalCaseProjection(JdbcClient jdbc, Clock clock, ProjectionTables tables) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tables = tables;
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

    @EventHandler
    void on(DisposalCaseOpenedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        boolean crossProvince = event.crossProvince() || !event.provinces().isEmpty();
        // Insert-if-absent in plain SQL that PostgreSQL and H2 share: a redelivered opening changes nothing.
        int inserted = sql("""
                        INSERT INTO fundraising_case (case_id, legacy, opened_by, division_code, name, subject_kind,
                            subject_name, subject_credit_code, key_area, clue_ids, opened_at, status,
                            estimated_amount_fen, estimated_participants, cross_province, cross_province_at,
                            provinces, first_recorded_at, last_recorded_at, last_event_sequence)
                        SELECT :caseId, FALSE, :unit, :divisionCode, :name, :subjectKind, :subjectName,
                            :subjectCreditCode, :keyArea, :clueIds, :at, 'OPEN', :amount, :participants,
                            :crossProvince, :crossProvinceAt, :provinces, :recordedAt, :recordedAt, :sequence
                        WHERE NOT EXISTS (SELECT 1 FROM fundraising_case WHERE case_id = :caseId)""")
                .param("caseId", event.caseId())
                .param("unit", event.actingUnit())
                .param("divisionCode", event.divisionCode())
                .param("name", event.name())
                .param("subjectKind", event.subject().kind().name())
                .param("subjectName", event.subject().name())
                .param("subjectCreditCode", event.subject().creditCode())
                .param("keyArea", nameOf(event.keyArea()))
                .param("clueIds", StringLists.toJson(event.clueIds()))
                .param("at", utc(event.businessTime()))
                .param("amount", event.estimatedAmountFen())
                .param("participants", event.estimatedParticipants())
                .param("crossProvince", crossProvince)
                .param("crossProvinceAt", crossProvince ? utc(event.businessTime()) : null)
                .param("provinces", StringLists.toJson(event.provinces()))
                .param("recordedAt", utc(recordedAt))
                .param("sequence", sequence)
                .update();
        if (inserted == 0) {
            return;
        }
        insertScale(event.caseId(), sequence, event.estimatedAmountFen(), event.estimatedParticipants(),
                event.actingUnit(), null, event.businessTime());
        for (String province : event.provinces()) {
            insertProvince(event.caseId(), province, event.actingUnit(), event.businessTime());
        }
    }

    @EventHandler
    void on(LegacyCaseImportedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // A legacy case was filed as a crime before the ledger: it counts as determined a suspected crime and as
        // with the police, but it has no determination or transfer of its own here.
        sql("""
                        INSERT INTO fundraising_case (case_id, legacy, legacy_code, legacy_file_version, printed_as,
                            filing_age, original_filing_date, filing_date_approximate, stage_at_import, opened_by,
                            division_code, name, subject_kind, subject_name, subject_credit_code, clue_ids, opened_at,
                            status, determination_outcome, criminal_stage, provinces, first_recorded_at,
                            last_recorded_at, last_event_sequence)
                        SELECT :caseId, TRUE, :legacyCode, :fileVersion, :printedAs, :filingAge, :filingDate,
                            :approximate, :stage, :unit, :divisionCode, :name, :subjectKind, :subjectName,
                            :subjectCreditCode, '[]', :at, 'WITH_POLICE', 'SUSPECTED_CRIME', :stage, '[]',
                            :recordedAt, :recordedAt, :sequence
                        WHERE NOT EXISTS (SELECT 1 FROM fundraising_case WHERE case_id = :caseId)""")
                .param("caseId", event.caseId())
                .param("legacyCode", event.legacyCode())
                .param("fileVersion", event.legacyFileVersion())
                .param("printedAs", event.printedAs())
                .param("filingAge", nameOf(event.filingAge()))
                .param("filingDate", event.originalFilingDate())
                .param("approximate", event.filingDateApproximate())
                .param("stage", nameOf(event.stageAtImport()))
                .param("unit", event.actingUnit())
                .param("divisionCode", event.divisionCode())
                .param("name", event.name())
                .param("subjectKind", event.subject().kind().name())
                .param("subjectName", event.subject().name())
                .param("subjectCreditCode", event.subject().creditCode())
                .param("at", utc(event.businessTime()))
                .param("recordedAt", utc(recordedAt))
                .param("sequence", sequence)
                .update();
    }

    // ---- scale, escalation, determination, provinces -----------------------------------------------------------

    @EventHandler
    void on(DisposalCaseScaleRevisedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // Like the aggregate, a revision states the whole scale: a figure it leaves out is unknown from now on.
        if (advancing(event, sequence, recordedAt, """
                        estimated_amount_fen = :amount,
                        estimated_participants = :participants, scale_revisions = scale_revisions + 1""")
                .param("amount", event.estimatedAmountFen())
                .param("participants", event.estimatedParticipants())
                .update() == 0) {
            return;
        }
        insertScale(event.caseId(), sequence, event.estimatedAmountFen(), event.estimatedParticipants(),
                event.actingUnit(), event.note(), event.businessTime());
    }

    @EventHandler
    void on(DisposalCaseEscalatedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, """
                        escalated = TRUE, escalated_at = COALESCE(escalated_at, :at)""")
                .param("at", utc(event.businessTime()))
                .update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO fundraising_case_escalation (case_id, event_sequence, acting_unit, reasons,
                            estimated_amount_fen, estimated_participants, amount_threshold_fen,
                            participant_threshold, note, escalated_at)
                        VALUES (:caseId, :sequence, :unit, :reasons, :amount, :participants, :amountThreshold,
                            :participantThreshold, :note, :at)""")
                .param("caseId", event.caseId())
                .param("sequence", sequence)
                .param("unit", event.actingUnit())
                .param("reasons", StringLists.toJson(event.reasons().stream().map(Enum::name).toList()))
                .param("amount", event.estimatedAmountFen())
                .param("participants", event.estimatedParticipants())
                .param("amountThreshold", event.amountThresholdFen())
                .param("participantThreshold", event.participantThreshold())
                .param("note", event.note())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(DisposalCaseDeterminedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancing(event, sequence, recordedAt, """
                        determined_at = :at, determined_by = :unit,
                        determination_level = :level, determination_outcome = :outcome,
                        determination_basis = :basis,
                        status = CASE WHEN status = 'OPEN' THEN 'DETERMINED' ELSE status END""")
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("level", event.level().name())
                .param("outcome", event.outcome().name())
                .param("basis", event.basis())
                .update();
    }

    @EventHandler
    void on(DisposalCaseMarkedCrossProvinceEvent event, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, """
                        cross_province = TRUE,
                        cross_province_at = COALESCE(cross_province_at, :at), provinces = :provinces""")
                .param("at", utc(event.businessTime()))
                .param("provinces", StringLists.toJson(event.provinces()))
                .update() == 0) {
            return;
        }
        for (String province : event.addedProvinces()) {
            insertProvince(event.caseId(), province, event.actingUnit(), event.businessTime());
        }
    }

    // ---- measures, police, plan --------------------------------------------------------------------------------

    @EventHandler
    void on(MeasureOrderedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, """
                        measures_ordered = measures_ordered + 1,
                        first_measure_at = CASE WHEN first_measure_at IS NULL OR first_measure_at > :at
                            THEN :at ELSE first_measure_at END""")
                .param("at", utc(event.businessTime()))
                .update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO fundraising_case_measure (case_id, measure_id, kind, ordering_unit, due_date,
                            amount_fen, description, ordered_at)
                        VALUES (:caseId, :measureId, :kind, :unit, :dueDate, :amount, :description, :at)""")
                .param("caseId", event.caseId())
                .param("measureId", event.measureId())
                .param("kind", event.kind().name())
                .param("unit", event.orderingUnit())
                .param("dueDate", event.dueDate())
                .param("amount", event.amountFen())
                .param("description", event.description())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(MeasureFollowedUpEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (!advance(event, sequence, recordedAt)) {
            return;
        }
        sql("""
                        UPDATE fundraising_case_measure SET follow_ups = follow_ups + 1, last_follow_up = :note,
                            last_followed_up_at = :at
                        WHERE case_id = :caseId AND measure_id = :measureId""")
                .param("caseId", event.caseId())
                .param("measureId", event.measureId())
                .param("note", event.note())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(MeasureCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, "measures_completed = measures_completed + 1").update() == 0) {
            return;
        }
        sql("""
                        UPDATE fundraising_case_measure SET completed_at = :at, completed_by = :unit, result = :result
                        WHERE case_id = :caseId AND measure_id = :measureId""")
                .param("caseId", event.caseId())
                .param("measureId", event.measureId())
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("result", event.result())
                .update();
    }

    @EventHandler
    void on(DisposalCaseTransferredToPoliceEvent event, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt) {
        advancing(event, sequence, recordedAt, """
                        transferred_at = :at, transferred_by = :unit,
                        police_unit = :policeUnit, transfer_note = :note,
                        status = CASE WHEN status = 'CLOSED' THEN status ELSE 'WITH_POLICE' END""")
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("policeUnit", event.policeUnit())
                .param("note", event.note())
                .update();
    }

    @EventHandler
    void on(CriminalMilestoneRecordedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, "criminal_stage = :milestone, criminal_stage_at = :at")
                .param("milestone", event.milestone().name())
                .param("at", utc(event.businessTime()))
                .update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO fundraising_case_criminal (case_id, milestone, acting_unit, document_number, note,
                            reached_at)
                        VALUES (:caseId, :milestone, :unit, :documentNumber, :note, :at)""")
                .param("caseId", event.caseId())
                .param("milestone", event.milestone().name())
                .param("unit", event.actingUnit())
                .param("documentNumber", event.documentNumber())
                .param("note", event.note())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(DisposalPlanAdoptedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, """
                        plan_adopted_at = :at, plan_adopted_by = :unit,
                        plan_responsible_name = :responsibleName, plan_responsible_role = :responsibleRole,
                        plan_summary = :summary, plan_milestones = :milestones""")
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("responsibleName", event.responsiblePerson() == null ? null : event.responsiblePerson().name())
                .param("responsibleRole", event.responsiblePerson() == null ? null : event.responsiblePerson().role())
                .param("summary", event.summary())
                .param("milestones", event.milestones().size())
                .update() == 0) {
            return;
        }
        for (PlanMilestone milestone : event.milestones()) {
            sql("""
                            INSERT INTO fundraising_case_plan_milestone (case_id, seq, name, due_date)
                            VALUES (:caseId, :seq, :name, :dueDate)""")
                    .param("caseId", event.caseId())
                    .param("seq", milestone.seq())
                    .param("name", milestone.name())
                    .param("dueDate", milestone.dueDate())
                    .update();
        }
    }

    @EventHandler
    void on(PlanMilestoneCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, "plan_milestones_completed = plan_milestones_completed + 1")
                .update() == 0) {
            return;
        }
        sql("""
                        UPDATE fundraising_case_plan_milestone SET completed_at = :at, completed_by = :unit,
                            note = :note
                        WHERE case_id = :caseId AND seq = :seq""")
                .param("caseId", event.caseId())
                .param("seq", event.milestoneSeq())
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("note", event.note())
                .update();
    }

    // ---- money -------------------------------------------------------------------------------------------------

    @EventHandler
    void on(AssetRecoveredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        // The event carries the case's running total, which the aggregate keeps exactly.
        if (advancing(event, sequence, recordedAt, "recovered_fen = :total, recoveries = :number")
                .param("total", event.totalRecoveredFen())
                .param("number", event.recoveryNumber())
                .update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO fundraising_case_recovery (case_id, recovery_number, acting_unit, kind, amount_fen,
                            description, recovered_at)
                        VALUES (:caseId, :number, :unit, :kind, :amount, :description, :at)""")
                .param("caseId", event.caseId())
                .param("number", event.recoveryNumber())
                .param("unit", event.actingUnit())
                .param("kind", event.kind().name())
                .param("amount", event.amountFen())
                .param("description", event.description())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(ParticipantsRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, """
                        participants = participants + :count, claims_fen = :totalClaims,
                        participant_batches = :batch""")
                .param("count", event.participants().size())
                .param("totalClaims", event.totalClaimsFen())
                .param("batch", event.batchNumber())
                .update() == 0) {
            return;
        }
        for (ParticipantClaim participant : event.participants()) {
            sql("""
                            INSERT INTO fundraising_case_participant (case_id, participant_reference, claim_fen,
                                batch_number, registered_at)
                            VALUES (:caseId, :reference, :claim, :batch, :at)""")
                    .param("caseId", event.caseId())
                    .param("reference", participant.participantReference())
                    .param("claim", participant.claimFen())
                    .param("batch", event.batchNumber())
                    .param("at", utc(event.businessTime()))
                    .update();
        }
    }

    @EventHandler
    void on(RefundRoundPaidEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, "refunded_fen = :refunded, refund_rounds = :number")
                .param("refunded", event.refundedBeforeFen() + event.roundTotalFen())
                .param("number", event.roundNumber())
                .update() == 0) {
            return;
        }
        int paid = 0;
        for (RefundShare share : event.shares()) {
            if (share.shareFen() == 0) {
                continue;
            }
            paid++;
            sql("""
                            UPDATE fundraising_case_participant SET refunded_fen = refunded_fen + :share
                            WHERE case_id = :caseId AND participant_reference = :reference""")
                    .param("caseId", event.caseId())
                    .param("reference", share.participantReference())
                    .param("share", share.shareFen())
                    .update();
        }
        sql("""
                        INSERT INTO fundraising_case_refund_round (case_id, round_number, acting_unit, round_total_fen,
                            total_recovered_fen, refunded_before_fen, participants_taking_part, participants_paid,
                            note, paid_at)
                        VALUES (:caseId, :number, :unit, :total, :recovered, :before, :takingPart, :paid, :note,
                            :at)""")
                .param("caseId", event.caseId())
                .param("number", event.roundNumber())
                .param("unit", event.actingUnit())
                .param("total", event.roundTotalFen())
                .param("recovered", event.totalRecoveredFen())
                .param("before", event.refundedBeforeFen())
                .param("takingPart", event.shares().size())
                .param("paid", paid)
                .param("note", event.note())
                .param("at", utc(event.businessTime()))
                .update();
    }

    // ---- petitions and closure ---------------------------------------------------------------------------------

    @EventHandler
    void on(PetitionReceivedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, """
                        petitions = petitions + 1, petitioners = petitioners + :petitioners""")
                .param("petitioners", event.petitioners())
                .update() == 0) {
            return;
        }
        sql("""
                        INSERT INTO fundraising_case_petition (case_id, petition_id, received_by, petition_reference,
                            petitioners, summary, received_at)
                        VALUES (:caseId, :petitionId, :unit, :reference, :petitioners, :summary, :at)""")
                .param("caseId", event.caseId())
                .param("petitionId", event.petitionId())
                .param("unit", event.actingUnit())
                .param("reference", event.petitionReference())
                .param("petitioners", event.petitioners())
                .param("summary", event.summary())
                .param("at", utc(event.businessTime()))
                .update();
    }

    @EventHandler
    void on(PetitionHandledEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        if (advancing(event, sequence, recordedAt, "petitions_handled = petitions_handled + 1").update() == 0) {
            return;
        }
        sql("""
                        UPDATE fundraising_case_petition SET handled_at = :at, handled_by = :unit, outcome = :outcome,
                            handling_note = :note
                        WHERE case_id = :caseId AND petition_id = :petitionId""")
                .param("caseId", event.caseId())
                .param("petitionId", event.petitionId())
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("outcome", event.outcome().name())
                .param("note", event.note())
                .update();
    }

    @EventHandler
    void on(DisposalCaseClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        advancing(event, sequence, recordedAt, """
                        status = 'CLOSED', closed_at = :at, closed_by = :unit,
                        resolution = :resolution, merged_into_case_id = :mergedInto, closing_note = :note,
                        recovered_fen = :recovered, refunded_fen = :refunded""")
                .param("at", utc(event.businessTime()))
                .param("unit", event.actingUnit())
                .param("resolution", event.resolution().name())
                .param("mergedInto", event.mergedIntoCaseId())
                .param("note", event.note())
                .param("recovered", event.totalRecoveredFen())
                .param("refunded", event.totalRefundedFen())
                .update();
    }

    @ResetHandler
    void reset() {
        tables.clear(jdbc, TABLES);
    }

    /**
     * Moves the case to the given event: true if the event is news for the case, false if it was applied before (a
     * redelivery or a replay over a live model), in which case the handler must write nothing. Also false for a case
     * whose opening the read model never saw.
     */
    private boolean advance(DisposalCaseEvent event, long sequence, Instant recordedAt) {
        return tables.advance(jdbc, "fundraising_case", "case_id", event.caseId(), sequence, recordedAt);
    }

    /**
     * An update of the case row that also {@link ProjectionTables#advance advances} the case to the event, in one
     * statement: it writes only if the event is news for the case, and its {@code update()} answers 0 if it was not
     * (or the read model never saw the case opened).
     */
    private JdbcClient.StatementSpec advancing(DisposalCaseEvent event, long sequence, Instant recordedAt,
                                               String assignments) {
        return tables.advancing(jdbc, "fundraising_case", "case_id", event.caseId(), sequence, recordedAt,
                assignments);
    }

    private void insertScale(String caseId, long sequence, Long amount, Integer participants, String unit,
                             String note, Instant at) {
        sql("""
                        INSERT INTO fundraising_case_scale (case_id, event_sequence, estimated_amount_fen,
                            estimated_participants, acting_unit, note, effective_at)
                        VALUES (:caseId, :sequence, :amount, :participants, :unit, :note, :at)""")
                .param("caseId", caseId)
                .param("sequence", sequence)
                .param("amount", amount)
                .param("participants", participants)
                .param("unit", unit)
                .param("note", note)
                .param("at", utc(at))
                .update();
    }

    /** Records a province once: the aggregate reports only new ones, but an opening's list may repeat a code. */
    private void insertProvince(String caseId, String province, String unit, Instant at) {
        sql("""
                        INSERT INTO fundraising_case_province (case_id, province_code, added_by, added_at)
                        SELECT :caseId, :province, :unit, :at
                        WHERE NOT EXISTS (SELECT 1 FROM fundraising_case_province
                                          WHERE case_id = :caseId AND province_code = :province)""")
                .param("caseId", caseId)
                .param("province", province)
                .param("unit", unit)
                .param("at", utc(at))
                .update();
    }

    /** A write on the tables this instance writes: the live ones, or a rebuild's. */
    private JdbcClient.StatementSpec sql(String statement) {
        return tables.sql(jdbc, statement);
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
