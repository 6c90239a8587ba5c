package cn.gov.lvliang.ledger.command.generator;

import cn.gov.lvliang.ledger.command.generator.ScaleGenerator.GenerationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Turns the command side into the scale data generator when {@code ledger.generate.cases} is set, as
 * {@code ./ledger generate --cases N} does: once the application is ready (its catalog and reference data are
 * published, as the query side needs them), it generates, seals, reports and exits. Never under the
 * {@code production} profile: generated cases are invented, and a production ledger must hold none.
 */
@Component
@ConditionalOnProperty(name = "ledger.generate.cases")
class GeneratorRunner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(GeneratorRunner.class);

    private final ScaleGenerator generator;
    private final GeneratorSettings settings;
    private final ConfigurableApplicationContext context;
    private final ObjectMapper objectMapper;

    GeneratorRunner(ScaleGenerator generator, GeneratorSettings settings, Environment environment,
                    ConfigurableApplicationContext context, ObjectMapper objectMapper) {
        ScaleGenerator.refuseInProduction(environment);
        this.generator = generator;
        this.settings = settings;
        this.context = context;
        this.objectMapper = objectMapper;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent ready) {
        int status = 1;
        try {
            GenerationReport report = generator.generate(settings);
            log.info("Generation done: {}", report);
            if (settings.reportFile() != null) {
                Files.writeString(settings.reportFile(), objectMapper.writeValueAsString(report));
            }
            status = 0;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report to " + settings.reportFile(), e);
        } catch (RuntimeException e) {
            log.error("Generation failed", e);
            throw e;
        } finally {
            if (settings.exit()) {
                int exitStatus = status;
                System.exit(SpringApplication.exit(context, () -> exitStatus));
            }
        }
    }
}
