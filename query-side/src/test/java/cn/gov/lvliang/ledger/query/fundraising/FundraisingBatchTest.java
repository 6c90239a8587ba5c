package cn.gov.lvliang.ledger.query.fundraising;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.lvliang.ledger.query.support.ScratchDatabase.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The clue and case read models as their processors leave them, a batch of events to a transaction, against the same
 * events handled one at a time. A batch's rows are held in memory and written as its transaction commits (the
 * {@code RowBuffer}); the rows must come out as the events one by one leave them, on PostgreSQL (one array per
 * column) and on H2 (multi-row statements) alike, whether a case's events share a batch or span several.
 */
class FundraisingBatchTest {

    private static final List<String> TABLES = Stream.concat(RiskClueProjection.TABLES.stream(),
            DisposalCaseProjection.TABLES.stream()).toList();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-15T04:00:00Z"), ZoneOffset.UTC);

    private final FundraisingScenario scenario = new FundraisingScenario();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void batchesOfAnySize_leaveTheRowsOfEventsHandledOneByOne(Kind kind) {
        Map<String, List<String>> oneByOne;
        try (FundraisingDatabase database = open(kind)) {
            fed(database).apply(scenario.events());
            oneByOne = rows(database);
        }
        assertThat(oneByOne).as("the scenario leaves rows in every table").allSatisfy((table, rows) ->
                assertThat(rows).as(table).isNotEmpty());

        for (int batchSize : new int[] {2, 5, scenario.events().size()}) {
            try (FundraisingDatabase database = open(kind)) {
                FundraisingEvents events = fed(database).applyInBatches(scenario.events(), batchSize,
                        database.transactions());
                assertThat(rows(database)).as("in batches of %d", batchSize).isEqualTo(oneByOne);

                events.redeliverAllInBatches(batchSize, database.transactions());
                assertThat(rows(database)).as("redelivered in batches of %d", batchSize).isEqualTo(oneByOne);
            }
        }
    }

    private static FundraisingDatabase open(Kind kind) {
        return kind == Kind.POSTGRESQL ? FundraisingDatabase.postgres() : FundraisingDatabase.h2();
    }

    private static FundraisingEvents fed(FundraisingDatabase database) {
        return FundraisingEvents.into(new RiskClueProjection(database.jdbc()),
                new DisposalCaseProjection(database.jdbc(), CLOCK));
    }

    /** Each table's rows, every column's value as the database gives it, in an order of their own. */
    private static Map<String, List<String>> rows(FundraisingDatabase database) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, database.jdbc().sql("SELECT * FROM " + table).query().listOfRows().stream()
                    .map(Map::toString).sorted().toList());
        }
        return rows;
    }
}
