package cn.gov.lvliang.ledger.command.generator;

import cn.gov.lvliang.ledger.events.bundle.Applicant;
import cn.gov.lvliang.ledger.events.bundle.ApplicantKind;
import java.util.List;
import java.util.Random;

/**
 * The people and enterprises who apply, a bounded pool of each that comes back case after case. Every member is
 * derived from the seed and its number alone, so the same member always has the same name, identifier and phone:
 * it is one data subject under one key, however many cases it applies for. A pool, rather than a new applicant per
 * case, keeps key creation (one transaction of its own per new subject, docs/personal-data.md) to the pool's size
 * instead of one per case; and a city's residents and firms do come back.
 */
final class ApplicantPool {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "郭", "高", "任",
            "梁", "薛", "贾", "冯", "武", "韩", "田"};
    private static final String[] GIVEN = {"建国", "海燕", "志强", "丽娟", "晓东", "春梅", "国平", "文斌", "秀英", "子涵",
            "俊杰", "雅琴", "永红", "浩然", "桂兰", "鹏飞"};
    private static final String[] PLACES = {"吕梁", "离石", "汾阳", "孝义", "交城", "文水", "柳林", "中阳", "临县", "兴县",
            "岚县", "方山", "石楼", "交口"};
    private static final String[] FIRMS = {"晋商", "汾河", "吕梁山", "黄河", "昌盛", "鑫源", "华泰", "兴达", "恒通", "瑞丰"};
    private static final String[] TRADES = {"商贸", "物流", "餐饮", "建材", "农业科技", "文化传媒", "新能源", "食品",
            "医药", "建筑工程"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final long seed;
    private final int persons;
    private final int enterprises;
    private final List<String> regions;

    /**
     * @param regions the six-digit region codes identity numbers and credit codes are issued under
     */
    ApplicantPool(long seed, int persons, int enterprises, List<String> regions) {
        this.seed = seed;
        this.persons = persons;
        this.enterprises = enterprises;
        this.regions = List.copyOf(regions);
    }

    /** One of the pool's people, picked by {@code random}. */
    Applicant person(Random random) {
        int number = random.nextInt(persons);
        Random member = new Random(seed * 31 + number);
        String region = regions.get(member.nextInt(regions.size()));
        String birth = String.format("%04d%02d%02d", 1950 + member.nextInt(56), 1 + member.nextInt(12),
                1 + member.nextInt(28));
        String body = region + birth + String.format("%03d", member.nextInt(1000));
        String name = SURNAMES[member.nextInt(SURNAMES.length)] + GIVEN[member.nextInt(GIVEN.length)];
        String phone = "1" + "3589".charAt(member.nextInt(4)) + digits(member, 9);
        return new Applicant(ApplicantKind.PERSON, name, body + identityCheck(body), phone);
    }

    /** One of the pool's enterprises, picked by {@code random}; a phone for about half of them. */
    Applicant enterprise(Random random) {
        int number = random.nextInt(enterprises);
        Random member = new Random(seed * 37 + 1_000_003L * (number + 1));
        String region = regions.get(member.nextInt(regions.size()));
        StringBuilder body = new StringBuilder("91").append(region);
        for (int i = 0; i < 9; i++) {
            body.append(USCC_CHARS.charAt(member.nextInt(USCC_CHARS.length())));
        }
        String name = PLACES[member.nextInt(PLACES.length)] + FIRMS[member.nextInt(FIRMS.length)]
                + TRADES[member.nextInt(TRADES.length)] + "有限公司";
        String phone = member.nextBoolean() ? "0358" + digits(member, 7) : null;
        return new Applicant(ApplicantKind.ENTERPRISE, name, body.toString() + creditCodeCheck(body.toString()), phone);
    }

    /** The check character of a resident identity number (GB 11643, ISO 7064 MOD 11-2). */
    static char identityCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    /** The check character of a unified social credit code (GB 32100). */
    static char creditCodeCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_CHARS.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        return USCC_CHARS.charAt((31 - sum % 31) % 31);
    }

    private static String digits(Random random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
