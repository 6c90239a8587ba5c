package cn.gov.lvliang.ledger.query.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Feeds events to the projection on PostgreSQL, then asks its query handler. */
@SpringBootTest
@ActiveProfiles("test")
class BundleCaseProjectionTest {

    private static final Instant SUBMITTED = Instant.parse("2025-03-03T02:00:00Z");
    private static final Instant RECORDED = Instant.parse("2025-03-03T02:00:01Z");

    @Autowired
    BundleCaseProjection projection;

    @Test
    void submission_becomesACaseWithMaskedIdentifier() {
        BundleCaseSubmittedEvent event = submitted(UUID.randomUUID().toString());

        projection.on(event, 0, RECORDED);

        BundleCaseView view = projection.handle(new FindBundleCaseQuery(event.caseId())).orElseThrow();
        assertThat(view.bundleCode()).isEqualTo("2024-13");
        assertThat(view.status()).isEqualTo("SUBMITTED");
        assertThat(view.applicantIdMasked()).isEqualTo("1411**********1234");
        assertThat(view.submittedAt()).isEqualTo(SUBMITTED);
        assertThat(view.recordedAt()).isEqualTo(RECORDED);
        assertThat(view.hallCode()).isNull();
    }

    @Test
    void redeliveredSubmission_changesNothing() {
        BundleCaseSubmittedEvent event = submitted(UUID.randomUUID().toString());
        projection.on(event, 0, RECORDED);

        projection.on(event, 0, RECORDED.plusSeconds(60));

        assertThat(projection.handle(new FindBundleCaseQuery(event.caseId())).orElseThrow().recordedAt())
                .isEqualTo(RECORDED);
    }

    @Test
    void unknownCase_isEmpty() {
        assertThat(projection.handle(new FindBundleCaseQuery("no-such-case"))).isEmpty();
    }

    private static BundleCaseSubmittedEvent submitted(String caseId) {
        return new BundleCaseSubmittedEvent(caseId, "2024-13", 1,
                new Applicant(ApplicantKind.PERSON, "张三", "141102199001011234", "13800000000"),
                "141102", null, Channel.ONLINE_PLATFORM, null, SUBMITTED);
    }
}
