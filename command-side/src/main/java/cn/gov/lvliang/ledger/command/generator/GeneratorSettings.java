package cn.gov.lvliang.ledger.command.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the scale data generator makes ({@code ./ledger generate}, docs/perf.md "Data at scale"). Setting
 * {@code cases} turns the command side into the generator: it generates, seals and exits.
 *
 * @param cases        how many bundle cases the store should hold from this seed; cases already there are skipped
 * @param seed         the seed every generated value derives from: the same seed and case count give the same cases
 * @param from         the first business day (Beijing time) a case may be submitted on
 * @param until        the last business day; no step happens later, nor after the clock's now. Cases still running
 *                     then stay open, as the most recent cases of a real ledger do
 * @param persons      the people who apply for the personal bundles, again and again: each is one data subject with
 *                     one key, so that key creation stays bounded however many cases there are
 * @param enterprises  the enterprises that apply for the enterprise bundles, likewise
 * @param batchEvents  events written per transaction (at least); kept below the notary's gap window so that a batch
 *                     committing late is still sealed
 * @param seal         whether to seal everything written before exiting (the notary's own sealer)
 * @param exit         whether the application exits once done (off in tests, which call the generator directly)
 * @param reportFile   where to write the run's figures as JSON, for the bench; none if unset
 */
@ConfigurationProperties("ledger.generate")
record GeneratorSettings(int cases, long seed, LocalDate from, LocalDate until, int persons, int enterprises,
                         int batchEvents, Boolean seal, Boolean exit, Path reportFile) {

    static final int MAX_BATCH_EVENTS = 5_000;

    GeneratorSettings {
        seed = seed == 0 ? 20241101L : seed;
        from = from != null ? from : LocalDate.of(2024, 1, 2);
        until = until != null ? until : LocalDate.of(2026, 11, 30);
        persons = persons == 0 ? 40_000 : persons;
        enterprises = enterprises == 0 ? 10_000 : enterprises;
        batchEvents = batchEvents == 0 ? 2_000 : batchEvents;
        seal = seal == null || seal;
        exit = exit == null || exit;
        if (cases < 0) {
            throw new IllegalArgumentException("ledger.generate.cases: must not be negative, was " + cases);
        }
        if (until.isBefore(from)) {
            throw new IllegalArgumentException("ledger.generate.until: " + until + " is before from " + from);
        }
        if (persons < 1 || enterprises < 1) {
            throw new IllegalArgumentException("ledger.generate.persons and enterprises: at least one each");
        }
        if (batchEvents < 1 || batchEvents > MAX_BATCH_EVENTS) {
            throw new IllegalArgumentException("ledger.generate.batch-events: between 1 and " + MAX_BATCH_EVENTS
                    + ", was " + batchEvents);
        }
    }

    /** The same settings for another number of cases, as a test or a bench phase asks for. */
    GeneratorSettings withCases(int newCases) {
        return new GeneratorSettings(newCases, seed, from, until, persons, enterprises, batchEvents, seal, exit,
                reportFile);
    }
}
