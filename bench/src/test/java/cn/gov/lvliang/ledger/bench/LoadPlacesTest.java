package cn.gov.lvliang.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The load's places and applicants, from the reference data the command side publishes. */
class LoadPlacesTest {

    private static final Path REFERENCE = Path.of("..", "command-side", "src", "main", "resources", "reference",
            "reference-data-v1.json");

    private final LoadPlaces places = LoadPlaces.of(read());

    @Test
    void theLoad_spreadsOverEveryCountyWithAHall_atItsOneThingWindow() {
        Random random = new Random(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            LoadPlaces.County county = places.county(random);
            seen.add(county.code());
            assertThat(county.hallCode()).isEqualTo(county.code() + "-HALL");
            assertThat(county.windowCode()).startsWith(county.hallCode() + "-W");
            assertThat(county.govOffice()).isEqualTo(county.code() + "_GOV_OFFICE");
        }
        assertThat(seen).hasSize(14).contains("141102", "141125", "1411KF");
    }

    @Test
    void fundraisingCases_goOnlyToCountiesWithAMarketRegulator() {
        Random random = new Random(2);
        for (int i = 0; i < 1_000; i++) {
            LoadPlaces.County county = places.fundraisingCounty(random);
            assertThat(county.marketRegulation()).isEqualTo(county.code() + "_MARKET_REGULATION");
        }
    }

    @Test
    void anApplicant_isTheSamePersonWheneverTheyComeBack_withAValidIdentityNumber() {
        Random random = new Random(3);
        Set<String> identifiers = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            LoadPlaces.Applicant applicant = places.applicant(random);
            assertThat(applicant.identifier()).matches("[0-9]{17}[0-9X]");
            assertThat(checkCharacterHolds(applicant.identifier())).isTrue();
            identifiers.add(applicant.identifier() + applicant.name() + applicant.phone());
        }
        // A pool: members come back, and each comes back the same.
        assertThat(identifiers).hasSizeBetween(LoadPlaces.APPLICANTS * 9 / 10, LoadPlaces.APPLICANTS);
    }

    /** GB 11643 read the other way: the weighted sum of all 18 characters, X as 10, is 1 modulo 11. */
    private static boolean checkCharacterHolds(String identifier) {
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            char c = identifier.charAt(i);
            int value = c == 'X' ? 10 : c - '0';
            sum += value * (1 << (17 - i)) % 11;
        }
        return sum % 11 == 1;
    }

    private static JsonNode read() {
        try {
            return Json.MAPPER.readTree(REFERENCE.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
