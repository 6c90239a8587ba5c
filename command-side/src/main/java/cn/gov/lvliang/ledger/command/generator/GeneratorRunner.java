package cn.gov.lvliang.ledger.command.generator;

import cn.gov.lvliang.ledger.command.generator.ScaleGenerator.GenerationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Turns the command side into the scale data generator when {@code ledger.generate.cases} is set, as
 * {@code ./ledger generate --cases N} does: it generates, seals, reports and exits. Never under the
 * {@code production} profile: generated cases are invented, and a production ledger must hold none.
 */
@Component
@ConditionalOnProperty(name = "ledger.generate.cases")
class GeneratorRunner implements ApplicationRunner {

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
    public void run(ApplicationArguments args) throws IOException {
        int status = 1;
        try {
            GenerationReport report = generator.generate(settings);
            log.info("Generation done: {}", report);
            if (settings.reportFile() != null) {
                Files.writeString(settings.reportFile(), objectMapper.writeValueAsString(report));
            }
            status = 0;
        } finally {
            if (settings.exit()) {
                int exitStatus = status;
                System.exit(SpringApplication.exit(context, () -> exitStatus));
            }
        }
    }
}
