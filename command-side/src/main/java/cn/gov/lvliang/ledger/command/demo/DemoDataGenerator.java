package cn.gov.lvliang.ledger.command.demo;

import cn.gov.lvliang.ledger.command.calendar.WorkingCalendar;
import cn.gov.lvliang.ledger.command.catalog.BundleCatalog;
import cn.gov.lvliang.ledger.command.infra.DeadlinePolicy;
import cn.gov.lvliang.ledger.command.infra.IdempotentCommandGateway;
import cn.gov.lvliang.ledger.command.reference.ReferenceData;
import cn.gov.lvliang.ledger.command.reference.UnitDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the demo's data through the command side when {@code ledger.demo-data.enabled} is set, as
 * {@code ./ledger demo} does. It runs beside the application, so the side is usable at once, and it can be run
 * again on the same database: every command has a request id derived from the seed, so a rerun adds nothing.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo-data.enabled", havingValue = "true")
class DemoDataGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    private final BundleCaseHistories bundleCases;
    private final FundraisingHistories fundraising;
    private final Settings settings;
    private final DeadlinePolicy.Settings deadlines;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "demo-data");
        thread.setDaemon(true);
        return thread;
    });

    DemoDataGenerator(IdempotentCommandGateway commands, BundleCatalog catalog, ReferenceData reference,
                      UnitDirectory units, WorkingCalendar calendar, Clock clock, ObjectMapper objectMapper,
                      Environment environment, Settings settings, DeadlinePolicy.Settings deadlines) {
        this.bundleCases = new BundleCaseHistories(commands, catalog, reference, units, calendar, clock,
                settings.seed());
        this.fundraising = new FundraisingHistories(commands, reference, units, calendar, clock, objectMapper,
                FundraisingHistories.Figures.from(environment), settings.seed());
        this.settings = settings;
        this.deadlines = deadlines;
    }

    @Override
    public void run(ApplicationArguments args) {
        executor.submit(this::generate);
        executor.shutdown();
    }

    private void generate() {
        log.info("Loading demo data: {} bundle cases across 2024-2025 and {} recent ones, and a fundraising campaign "
                        + "of {} risk clues and {} disposal cases (seed {})", settings.bundleCases(),
                settings.recentBundleCases(), settings.clues(), settings.disposalCases(), settings.seed());
        int failed = 0;
        for (int n = 0; n < settings.bundleCases(); n++) {
            failed += attempt("bundle case " + n, n, bundleCases::generate);
            if ((n + 1) % 100 == 0) {
                log.info("Demo data: {} of {} bundle cases", n + 1, settings.bundleCases());
            }
        }
        for (int n = 0; n < settings.recentBundleCases(); n++) {
            failed += attempt("recent bundle case " + n, n, bundleCases::generateRecent);
        }
        FundraisingHistories.Report campaign = fundraising.generate(settings.clues(), settings.disposalCases());
        log.info("Demo data: fundraising campaign with {} risk clues, {} disposal cases and {} legacy cases ({} of "
                + "them could not be generated)", campaign.clues(), campaign.cases(), campaign.legacyCases(),
                campaign.failed());
        failed += campaign.failed();
        // The histories are back-dated: a deadline already past when it was set waits out the import grace first.
        log.info("Demo data loaded ({} cases could not be generated); deadlines that were already past fire within "
                + "{} s of being set, and only then do the overdue figures count them", failed,
                deadlines.importGrace().toSeconds());
    }

    private static int attempt(String what, int n, IntConsumer generator) {
        try {
            generator.accept(n);
            return 0;
        } catch (RuntimeException e) {
            log.warn("Demo data: {} stopped: {}", what, e.getMessage());
            return 1;
        }
    }

    /**
     * @param enabled           whether to load demo data at start-up
     * @param seed              the seed every generated value derives from
     * @param bundleCases       bundle cases with back-dated histories across 2024-2025
     * @param recentBundleCases open bundle cases submitted in the last working days, some of them at risk
     * @param clues             risk clues of the fundraising campaign, recorded across its calendar
     * @param disposalCases     disposal cases opened from those clues, at most
     */
    @ConfigurationProperties("ledger.demo-data")
    record Settings(boolean enabled, long seed, int bundleCases, int recentBundleCases, int clues,
                    int disposalCases) {

        Settings {
            seed = seed == 0 ? 20240807L : seed;
            bundleCases = bundleCases == 0 ? 616 : bundleCases;
            recentBundleCases = recentBundleCases == 0 ? 12 : recentBundleCases;
            clues = clues == 0 ? 300 : clues;
            disposalCases = disposalCases == 0 ? 40 : disposalCases;
        }
    }
}
