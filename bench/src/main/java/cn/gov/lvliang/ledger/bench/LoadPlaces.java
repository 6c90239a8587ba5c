package cn.gov.lvliang.ledger.bench;

import cn.gov.lvliang.ledger.bench.RawBaselines.Database;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Where the load's cases happen and who applies: every county of the published reference data with its service
 * hall, and a pool of residents who come back case after case, as a city's do. Spreading the cases over the counties
 * and many applicants, rather than one county and one person, gives the read models and the personal-data keys the
 * spread of a real day: each applicant is one data subject with a key of its own.
 */
final class LoadPlaces {

    /** People who apply, each with a name and identity number of their own; a case picks one at random. */
    static final int APPLICANTS = 5_000;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "郭", "高", "任",
            "梁", "薛", "贾", "冯", "武", "韩", "田"};
    private static final String[] GIVEN = {"建国", "海燕", "志强", "丽娟", "晓东", "春梅", "国平", "文斌", "秀英", "子涵",
            "俊杰", "雅琴", "永红", "浩然", "桂兰", "鹏飞"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private final List<County> counties;

    private LoadPlaces(List<County> counties) {
        if (counties.isEmpty()) {
            throw new IllegalStateException("the published reference data has no county with a service hall");
        }
        this.counties = List.copyOf(counties);
    }

    /**
     * A county of the reference data: its code and name, its hall's window for bundle cases, and the units that
     * record and verify fundraising clues there ({@code null} where it has no market regulator).
     */
    record County(String code, String name, String hallCode, String windowCode, String govOffice,
                  String marketRegulation) {
    }

    /** An applicant as the submission names them. */
    record Applicant(String name, String identifier, String phone) {
    }

    /** The counties of the latest reference data in the store, as the command side published it at its start. */
    static LoadPlaces read(Database database) {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT payload FROM domainevententry "
                     + "WHERE payloadtype = 'cn.gov.lvliang.ledger.events.reference.ReferenceDataPublishedEvent' "
                     + "ORDER BY globalindex DESC LIMIT 1");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("no reference data in the store: the command side publishes it at "
                        + "its first start");
            }
            return of(Json.MAPPER.readTree(row.getBytes(1)));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the reference data", e);
        }
    }

    static LoadPlaces of(JsonNode reference) {
        Set<String> units = new HashSet<>();
        reference.path("units").forEach(unit -> units.add(unit.path("code").asText()));
        List<County> counties = new ArrayList<>();
        for (JsonNode division : reference.path("divisions")) {
            String code = division.path("code").asText();
            for (JsonNode hall : reference.path("halls")) {
                String window = oneThingWindow(hall);
                if (code.equals(hall.path("division").asText()) && window != null
                        && units.contains(code + "_GOV_OFFICE")) {
                    counties.add(new County(code, division.path("name").asText(), hall.path("code").asText(), window,
                            code + "_GOV_OFFICE", units.contains(code + "_MARKET_REGULATION")
                            ? code + "_MARKET_REGULATION" : null));
                    break;
                }
            }
        }
        return new LoadPlaces(counties);
    }

    /** The hall's window for "one thing" bundles, else its comprehensive window; null if it has neither. */
    private static String oneThingWindow(JsonNode hall) {
        String comprehensive = null;
        for (JsonNode window : hall.path("windows")) {
            switch (window.path("kind").asText()) {
                case "ONE_THING" -> {
                    return window.path("code").asText();
                }
                case "COMPREHENSIVE" -> comprehensive = window.path("code").asText();
                default -> {
                }
            }
        }
        return comprehensive;
    }

    County county(Random random) {
        return counties.get(random.nextInt(counties.size()));
    }

    /** A county where clues can be recorded and verified: one with a market regulator. */
    County fundraisingCounty(Random random) {
        County county = county(random);
        while (county.marketRegulation() == null) {
            county = county(random);
        }
        return county;
    }

    /**
     * One of the pool's applicants, the same name, identity number and phone whenever the same member comes back;
     * the number is issued under the county's region code (the city's, for a zone without one of its own).
     */
    Applicant applicant(Random random) {
        int number = random.nextInt(APPLICANTS);
        Random member = new Random(number);
        String region = counties.get(member.nextInt(counties.size())).code();
        String body = (region.chars().allMatch(Character::isDigit) ? region : "141100")
                + String.format("%04d%02d%02d%03d", 1950 + member.nextInt(56), 1 + member.nextInt(12),
                1 + member.nextInt(28), member.nextInt(1000));
        String name = SURNAMES[member.nextInt(SURNAMES.length)] + GIVEN[member.nextInt(GIVEN.length)];
        String phone = String.format("13%09d", member.nextInt(1_000_000_000));
        return new Applicant(name, body + identityCheck(body), phone);
    }

    /** The check character of a resident identity number (GB 11643, ISO 7064 MOD 11-2). */
    private static char identityCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }
}
