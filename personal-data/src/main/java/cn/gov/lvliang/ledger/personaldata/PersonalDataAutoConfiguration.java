package cn.gov.lvliang.ledger.personaldata;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import javax.sql.DataSource;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal-data protection for both sides: the event serializer that encrypts {@code @PersonalData} fields under a
 * key per data subject, the data keys, and the subject references. Replaces Axon's default event serializer (the same
 * Jackson serializer with the application's mapper, plus field encryption); the general and message serializers stay
 * Axon's, since commands, tokens and deadlines are not stored with personal data. The {@code production} profile
 * refuses to start with the demo's published secrets.
 */
@AutoConfiguration(after = {JacksonAutoConfiguration.class, JdbcClientAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class}, before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(PersonalDataSettings.class)
public class PersonalDataAutoConfiguration {

    static final String PRODUCTION_PROFILE = "production";
    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataAutoConfiguration.class);

    @Bean
    SubjectReferences subjectReferences(PersonalDataSettings settings, Environment environment) {
        refuseDemoSecretsInProduction(settings, environment);
        return new SubjectReferences(decode(settings.subjectSecret(), "subject-secret"));
    }

    @Bean
    DataKeys dataKeys(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
                      PersonalDataSettings settings, ObjectProvider<Clock> clock, Environment environment)
            throws MetaDataAccessException {
        refuseDemoSecretsInProduction(settings, environment);
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new DataKeys(jdbc, ownTransaction, new MasterKey(decode(settings.masterKey(), "master-key")),
                clock.getIfAvailable(Clock::systemUTC), settings.keyCacheTtl(), settings.keyCacheSize(),
                DatabaseDriver.fromProductName(JdbcUtils.extractDatabaseMetaData(dataSource,
                        DatabaseMetaData::getDatabaseProductName)) == DatabaseDriver.POSTGRESQL);
    }

    @Bean
    Erasures erasures(SubjectReferences subjects, DataKeys keys) {
        return new Erasures(subjects, keys);
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver, DataKeys keys,
                               SubjectReferences subjects) {
        ClassLoader classLoader = getClass().getClassLoader();
        return JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(classLoader))
                .classLoader(classLoader)
                .objectMapper(objectMapper.copy().registerModule(new PersonalDataModule(new FieldCipher(keys, subjects))))
                .build();
    }

    private static void refuseDemoSecretsInProduction(PersonalDataSettings settings, Environment environment) {
        if (!settings.usesDemoSecrets()) {
            return;
        }
        if (Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION_PROFILE)) {
            throw new IllegalStateException("ledger.personal-data.master-key and subject-secret must be set to "
                    + "secrets of this installation under the production profile (LEDGER_MASTER_KEY, "
                    + "LEDGER_SUBJECT_SECRET): the demo's are published. Refusing to start.");
        }
        LOG.warn("Personal data is encrypted under the demo's published master key and subject secret: fine for the "
                + "demo, never for real data (set LEDGER_MASTER_KEY and LEDGER_SUBJECT_SECRET)");
    }

    private static byte[] decode(String base64, String property) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ledger.personal-data." + property + ": not Base64", e);
        }
    }
}
