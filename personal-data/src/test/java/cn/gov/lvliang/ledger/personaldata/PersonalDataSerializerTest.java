package cn.gov.lvliang.ledger.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import cn.gov.lvliang.ledger.events.bundle.BundleCaseSubmittedEvent;
import cn.gov.lvliang.ledger.events.bundle.CaseItem;
import cn.gov.lvliang.ledger.events.bundle.Channel;
import cn.gov.lvliang.ledger.events.fundraising.ClueSource;
import cn.gov.lvliang.ledger.events.fundraising.FundraisingSubject;
import cn.gov.lvliang.ledger.events.fundraising.KeyArea;
import cn.gov.lvliang.ledger.events.fundraising.Reporter;
import cn.gov.lvliang.ledger.events.fundraising.RiskClueRecordedEvent;
import cn.gov.lvliang.ledger.events.fundraising.SubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.DataSubjectKind;
import cn.gov.lvliang.ledger.events.personaldata.PersonalData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event serializer as both sides wire it, on the command side's own key table (H2 here; the sides' tests run it
 * on PostgreSQL): personal data is stored encrypted under its subject's key, reads back in clear, reads as erased
 * once the key is destroyed while the rest of the event stays intact, and events stored before encryption still read.
 */
class PersonalDataSerializerTest {

    private static final Instant AT = Instant.parse("2025-03-03T01:30:00Z");
    private static final String IDENTITY = "14110219800101123X";
    private static final String PHONE = "13812345678";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                    JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class, JacksonAutoConfiguration.class,
                    PersonalDataAutoConfiguration.class))
            .withBean(RevisionResolver.class, AnnotationRevisionResolver::new)
            .withPropertyValues(
                    "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                    "spring.flyway.locations=filesystem:../command-side/src/main/resources/db/migration/command");

    @Test
    void personalData_isStoredEncrypted_andReadsBackInClear() {
        runner.run(context -> {
            Serializer serializer = serializer(context);
            BundleCaseSubmittedEvent event = submission("case-1", IDENTITY);

            String stored = stored(serializer, event);
            BundleCaseSubmittedEvent read = read(serializer, stored, "2");

            assertThat(stored).doesNotContain(IDENTITY, PHONE, "王小明").contains("\"bundleCode\":\"2024-13\"");
            JsonNode applicant = new ObjectMapper().readTree(stored).get("applicant");
            assertThat(applicant.get("kind").asText()).isEqualTo("PERSON");
            assertThat(applicant.get("identifier").get("encrypted").asText()).isEqualTo("AES-256-GCM");
            assertThat(applicant.get("identifier").get("key").asInt()).isEqualTo(1);
            assertThat(read).isEqualTo(event);
        });
    }

    @Test
    void onePerson_hasOneKeyAcrossCases_andIsNamedByAKeyedHashOnly() {
        runner.run(context -> {
            Serializer serializer = serializer(context);
            JsonNode first = new ObjectMapper().readTree(stored(serializer, submission("case-1", IDENTITY)));
            JsonNode second = new ObjectMapper().readTree(stored(serializer,
                    submission("case-2", IDENTITY.toLowerCase())));
            JsonNode other = new ObjectMapper().readTree(stored(serializer, submission("case-3", "141102199001011234")));

            String subject = first.get("applicant").get("identifier").get("subject").asText();
            assertThat(SubjectReferences.isReference(subject)).isTrue();
            assertThat(second.get("applicant").get("phone").get("subject").asText()).isEqualTo(subject);
            assertThat(other.get("applicant").get("identifier").get("subject").asText()).isNotEqualTo(subject);
            assertThat(context.getBean(SubjectReferences.class).of(DataSubjectKind.APPLICANT, IDENTITY))
                    .isEqualTo(subject);
            assertThat(context.getBean(JdbcClient.class).sql("SELECT count(*) FROM personal_data_key")
                    .query(Long.class).single()).isEqualTo(2);
        });
    }

    @Test
    void afterTheKeyIsDestroyed_thePersonalDataReadsAsErased_andTheRestOfTheEventIsIntact() {
        runner.run(context -> {
            Serializer serializer = serializer(context);
            String stored = stored(serializer, submission("case-1", IDENTITY));
            String unrelated = stored(serializer, submission("case-2", "141102199001011234"));
            String subject = context.getBean(SubjectReferences.class).of(DataSubjectKind.APPLICANT, IDENTITY);

            assertThat(context.getBean(DataKeys.class).destroy(subject)).isEqualTo(1);
            BundleCaseSubmittedEvent read = read(serializer, stored, "2");

            assertThat(read.applicant()).isEqualTo(new Applicant(ApplicantKind.PERSON, PersonalData.ERASED,
                    PersonalData.ERASED, PersonalData.ERASED));
            assertThat(read.caseId()).isEqualTo("case-1");
            assertThat(read.items()).isEqualTo(submission("case-1", IDENTITY).items());
            assertThat(read.businessTime()).isEqualTo(AT);
            assertThat(read(serializer, unrelated, "2").applicant().identifier()).isEqualTo("141102199001011234");
            assertThat(context.getBean(DataKeys.class).erasedLockingKeys(subject)).isTrue();
        });
    }

    @Test
    void aSubjectThatAppearsAgainAfterAnErasure_getsANewKey_andTheOldDataStaysErased() {
        runner.run(context -> {
            Serializer serializer = serializer(context);
            String before = stored(serializer, submission("case-1", IDENTITY));
            context.getBean(DataKeys.class).destroy(
                    context.getBean(SubjectReferences.class).of(DataSubjectKind.APPLICANT, IDENTITY));

            String after = stored(serializer, submission("case-2", IDENTITY));

            assertThat(new ObjectMapper().readTree(after).get("applicant").get("identifier").get("key").asInt())
                    .isEqualTo(2);
            assertThat(read(serializer, after, "2").applicant().identifier()).isEqualTo(IDENTITY);
            assertThat(read(serializer, before, "2").applicant().identifier()).isEqualTo(PersonalData.ERASED);
        });
    }

    @Test
    void aRevisionOneEvent_storedInClearBeforeEncryption_stillReads() {
        runner.run(context -> {
            String revisionOne = """
                    {"caseId":"case-old","bundleCode":"2024-13","catalogVersion":1,"leadUnit":"CITY_HRSS",
                     "items":[{"seq":1,"name":"退休申请","responsibleUnit":"CITY_HRSS"}],
                     "applicant":{"kind":"PERSON","name":"王小明","identifier":"%s","phone":"%s"},
                     "divisionCode":"141102","channel":"ONLINE_PLATFORM","businessTime":"2025-03-03T01:30:00Z"}"""
                    .formatted(IDENTITY, PHONE);

            BundleCaseSubmittedEvent read = read(serializer(context), revisionOne, "1");

            assertThat(read.applicant()).isEqualTo(new Applicant(ApplicantKind.PERSON, "王小明", IDENTITY, PHONE));
            assertThat(read.items()).hasSize(1);
        });
    }

    @Test
    void aReportersHandleAndContact_areEncryptedUnderTheHandle_andAnAnonymousReporterHasNoContact() {
        runner.run(context -> {
            Serializer serializer = serializer(context);
            RiskClueRecordedEvent named = clue("clue-1", new Reporter(false, "SX-Q-0001", "13900001111"));
            RiskClueRecordedEvent anonymous = clue("clue-2", new Reporter(true, "SX-Q-0002", null));

            String storedNamed = stored(serializer, named);
            String storedAnonymous = stored(serializer, anonymous);

            assertThat(storedNamed).doesNotContain("SX-Q-0001", "13900001111");
            assertThat(storedAnonymous).doesNotContain("SX-Q-0002").contains("\"contact\":null");
            RiskClueRecordedEvent readNamed = serializer.deserialize(
                    serialized(storedNamed, RiskClueRecordedEvent.class, "2"));
            RiskClueRecordedEvent readAnonymous = serializer.deserialize(
                    serialized(storedAnonymous, RiskClueRecordedEvent.class, "2"));
            assertThat(readNamed).isEqualTo(named);
            assertThat(readAnonymous).isEqualTo(anonymous);
        });
    }

    @Test
    void aCiphertextMovedToAnotherField_doesNotDecrypt() {
        runner.run(context -> {
            Serializer serializer = serializer(context);
            ObjectMapper mapper = new ObjectMapper();
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                    stored(serializer, submission("case-1", IDENTITY)));
            var applicant = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("applicant");
            applicant.set("name", applicant.get("phone"));

            assertThatThrownBy(() -> read(serializer, mapper.writeValueAsString(tree), "2"))
                    .hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class);
        });
    }

    @Test
    void aNodeWithAnotherMasterKey_failsLoudly_ratherThanTakingTheDataForErased() {
        String database = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        String[] stored = new String[1];
        runner.withPropertyValues("spring.datasource.url=" + database)
                .run(context -> stored[0] = stored(serializer(context), submission("case-1", IDENTITY)));

        runner.withPropertyValues("spring.datasource.url=" + database,
                        "ledger.personal-data.master-key=YW5vdGhlci1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=")
                .run(context -> assertThatThrownBy(() -> read(serializer(context), stored[0], "2"))
                        .hasStackTraceContaining("was wrapped by master key"));
    }

    @Test
    void theProductionProfile_refusesTheDemosPublishedSecrets() {
        runner.withPropertyValues("spring.profiles.active=production")
                .run(context -> assertThat(context).hasFailed()
                        .getFailure().rootCause().hasMessageContaining("Refusing to start"));
        runner.withPropertyValues("spring.profiles.active=production",
                        "ledger.personal-data.master-key=YW5vdGhlci1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzISE=",
                        "ledger.personal-data.subject-secret=YW5vdGhlci1zdWJqZWN0LXNlY3JldC1vZi0zMi1ieXRlcw==")
                .run(context -> assertThat(context).hasNotFailed());
    }

    private static Serializer serializer(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        return context.getBean("eventSerializer", Serializer.class);
    }

    private static String stored(Serializer serializer, Object event) {
        return new String(serializer.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    private static BundleCaseSubmittedEvent read(Serializer serializer, String json, String revision) {
        return serializer.deserialize(serialized(json, BundleCaseSubmittedEvent.class, revision));
    }

    private static SerializedObject<byte[]> serialized(String json, Class<?> type, String revision) {
        return new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(type.getName(), revision));
    }

    private static BundleCaseSubmittedEvent submission(String caseId, String identifier) {
        return new BundleCaseSubmittedEvent(caseId, "2024-13", 1, "CITY_HRSS",
                List.of(new CaseItem(1, "退休申请", "CITY_HRSS")),
                new Applicant(ApplicantKind.PERSON, "王小明", identifier, PHONE), "141102", null,
                Channel.ONLINE_PLATFORM, null, AT);
    }

    private static RiskClueRecordedEvent clue(String clueId, Reporter reporter) {
        return new RiskClueRecordedEvent(clueId, "141102_GOV_OFFICE", ClueSource.PUBLIC_REPORT, "141102",
                KeyArea.ELDERLY_CARE, new FundraisingSubject(SubjectKind.ENTERPRISE, "某养老服务有限公司", null),
                "以高息为诱饵吸收老年人资金", null, null, reporter, AT);
    }
}
